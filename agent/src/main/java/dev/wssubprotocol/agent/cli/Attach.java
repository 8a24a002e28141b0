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

/**
 * The JDK attach API ({@code com.sun.tools.attach}), reached by reflection because the agent is compiled for
 * Java 8, whose compile-time API has no attach classes. On Java 9 and later it is the module {@code jdk.attach};
 * on Java 8 it is the running JDK's {@code lib/tools.jar}. No other class touches it.
 */
final class Attach {
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

    /** @throws Failure when this Java runtime has no attach API (a JRE, or a jlink'ed image without jdk.attach) */
    static Attach load() throws Failure {
        String home = System.getProperty("java.home");
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        File toolsJar = new File(home, "../lib/tools.jar");
        try {
            if (System.getProperty("java.specification.version").startsWith("1.") && toolsJar.isFile()) {
                loader = new URLClassLoader(new URL[] {toolsJar.toURI().toURL()}, loader);
            }
            return new Attach(Class.forName("com.sun.tools.attach.VirtualMachine", true, loader),
                    Class.forName("com.sun.tools.attach.VirtualMachineDescriptor", true, loader));
        } catch (Exception e) {
            throw new Failure("this Java runtime (" + home + ", Java " + System.getProperty("java.version")
                    + ") has no attach API (" + (System.getProperty("java.specification.version").startsWith("1.")
                    ? "no lib/tools.jar: a JRE" : "no module jdk.attach: a JRE or a jlink'ed image")
                    + "); run this command with the java of a full JDK");
        }
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
        return new Vm(call(attach, null, pid));
    }

    final class Vm {
        private final Object vm;

        private Vm(Object vm) {
            this.vm = vm;
        }

        Properties systemProperties() throws Failure {
            return (Properties) call(systemProperties, vm);
        }

        /** Runs the agent's agentmain in the JVM and returns when it has returned. */
        void loadAgent(String jar, String options) throws Failure {
            call(loadAgent, vm, jar, options);
        }

        void close() {
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
