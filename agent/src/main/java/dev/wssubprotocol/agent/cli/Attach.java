package dev.wssubprotocol.agent.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The JDK attach API ({@code com.sun.tools.attach}), reached by reflection because the agent is compiled for
 * Java 8, whose compile-time API has no attach classes. On Java 9 and later it is the module {@code jdk.attach};
 * on Java 8 it is the running JDK's {@code lib/tools.jar}. No other class touches it.
 */
final class Attach {
    /** Answers to a load that mean it went through, when client and target JVM are on either side of Java 9. */
    private static final Pattern LOADED_ACROSS_JAVA9 = Pattern.compile(
            "AgentLoadException: (Failed to load agent library: )?0|IOException: Non-numeric value found - int expected");
    private final Method list;
    private final Method attach;
    private final Method id;
    private final Method displayName;
    private final Method systemProperties;
    private final Method loadAgent;
    private final Method detach;

    private Attach(Class<?> vm, Class<?> descriptor) throws NoSuchMethodException {
        list = vm.getMethod("list");
        attach = vm.getMethod("attach", String.class);
        systemProperties = vm.getMethod("getSystemProperties");
        loadAgent = vm.getMethod("loadAgent", String.class, String.class);
        detach = vm.getMethod("detach");
        id = descriptor.getMethod("id");
        displayName = descriptor.getMethod("displayName");
    }

    /** The JDK's attach API, or null when this Java runtime has none (a JRE, or a jlink'ed image without jdk.attach). */
    static Attach load() {
        String home = System.getProperty("java.home");
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        File toolsJar = new File(home, "../lib/tools.jar");
        try {
            if (System.getProperty("java.specification.version").startsWith("1.") && toolsJar.isFile()) {
                loader = new URLClassLoader(new URL[] {toolsJar.toURI().toURL()}, loader);
            }
            return new Attach(Class.forName("com.sun.tools.attach.VirtualMachine", true, loader),
                    Class.forName("com.sun.tools.attach.VirtualMachineDescriptor", true, loader));
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** Why this runtime cannot attach at all: no attach API, and too old for this command's own socket client. */
    static String unavailable() {
        boolean java8 = System.getProperty("java.specification.version").startsWith("1.");
        return "this Java runtime (" + System.getProperty("java.home") + ", Java " + System.getProperty("java.version")
                + ") has no attach API (" + (java8 ? "no lib/tools.jar: a JRE" : "no module jdk.attach: a JRE or a"
                + " jlink'ed image") + ") and is older than Java 16, so it cannot open a JVM's attach socket itself;"
                + " run this command with the java of a full JDK, or of a Java 16+ runtime, or from the host";
    }

    /** The JVMs the attach API lists (those it can attach to), as pid and display name (main class or jar and arguments). */
    Map<String, String> list() throws Failure {
        Map<String, String> jvms = new LinkedHashMap<String, String>();
        for (Object descriptor : (List<?>) call(list, null)) {
            jvms.put((String) call(id, descriptor), (String) call(displayName, descriptor));
        }
        return jvms;
    }

    /** Connects to one JVM; callers {@link Vm#close()} it. Only for pids {@link #list()} returned. */
    Vm open(String pid) throws Failure {
        return new JdkVm(call(attach, null, pid));
    }

    final class JdkVm implements Vm {
        private final Object vm;

        private JdkVm(Object vm) {
            this.vm = vm;
        }

        @Override
        public Properties systemProperties() throws Failure {
            return (Properties) call(systemProperties, vm);
        }

        /**
         * Runs the agent's agentmain in the JVM and returns when it has returned. A Java 8 JVM answers a load
         * with the status line and then the bare return code of Agent_OnAttach ("0"); JDK 9 and later clients
         * expect "return code: N" there and report the bare "0" as a failure: AgentLoadException "0" (JDK 11 to
         * 21) or "Failed to load agent library: 0" (JDK 25). That answer means the agent loaded. The other way
         * round, Java 8's client reads the "return code: 0" of a JDK 9+ JVM as a number and fails with "Non-numeric
         * value found - int expected", after the JVM ran the agent. The callers read the agent's state back from
         * the JVM afterwards, which says whether it really started.
         */
        @Override
        public void loadAgent(String jar, String options) throws Failure {
            try {
                call(loadAgent, vm, jar, options);
            } catch (Failure f) {
                if (!LOADED_ACROSS_JAVA9.matcher(f.getMessage()).matches()) {
                    throw f;
                }
            }
        }

        @Override
        public void close() {
            try {
                call(detach, vm);
            } catch (Failure ignored) {
                // the JVM went away: nothing is left open
            }
        }
    }

    /** One reflective call; the attach API's own exceptions come back as a {@link Failure} with their message. */
    private static Object call(Method method, Object target, Object... args) throws Failure {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new Failure(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (IllegalAccessException e) {
            throw new Failure("cannot call the attach API: " + e);
        }
    }
}
