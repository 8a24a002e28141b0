package dev.wssubprotocol.agent.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The JVMs the commands work on: only those the attach API lists (never this command's own JVM), each checked
 * before anything is sent to it, so that a pid that is not a JVM never receives the attach request.
 */
final class Jvms {
    /** What a command does with one attached JVM. */
    interface Session<T> {
        T run(Vm vm, Properties systemProperties) throws Failure;
    }

    /** What one JVM is, as it says itself. */
    static final class Jvm {
        final String pid;
        final String main;
        final String java;
        final AgentState agent;

        Jvm(String pid, String displayName, Properties p) {
            this.pid = pid;
            this.main = mainOf(p.getProperty("sun.java.command", displayName));
            this.java = p.getProperty("java.version", "?");
            this.agent = AgentState.of(p);
        }
    }

    /** The JDK's attach API, or null where this runtime has none. */
    private final Attach attach;
    private final String agentJar;
    private final String commandLine;
    private final String self = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
    private Map<String, String> listed;

    /**
     * @param commandLine this command and its options without the pids, to show how to run it as another user
     */
    Jvms(Attach attach, String agentJar, String commandLine) {
        this.attach = attach;
        this.agentJar = agentJar;
        this.commandLine = commandLine;
    }

    /**
     * Every JVM the attach API lists for this user, and on Linux every JVM found through /proc that this command
     * may reach (its own user's, or any as root, in containers too), but this one: host pid and display name.
     */
    Map<String, String> listed() throws Failure {
        if (listed == null) {
            listed = attach != null ? attach.list() : new LinkedHashMap<String, String>();
            for (Map.Entry<String, String> jvm : Processes.jvms().entrySet()) {
                if (!listed.containsKey(jvm.getKey())) {
                    listed.put(jvm.getKey(), jvm.getValue());
                }
            }
            listed.remove(self);
        }
        return listed;
    }

    /** Forgets the JVMs listed so far: the next {@link #listed()} looks again. */
    void refresh() {
        listed = null;
    }

    /** The pid as list shows it: with the pid inside its namespace when the JVM runs in a container. */
    static String label(String pid) {
        Target target = Target.of(pid);
        return target == null ? pid : target.describe();
    }

    /**
     * The agent jar's path as the JVM sees it: this command's jar when the JVM shares its file system, otherwise a
     * copy in the JVM's own /tmp (see {@link JarCopy}).
     */
    String jarFor(String pid) throws Failure {
        Target target = Target.of(pid);
        if (target == null || target.sameMountNamespace) {
            return agentJar;
        }
        return JarCopy.into(target, agentJar);
    }

    /** The listed JVMs whose main class or jar matches {@code main} (when given) and not {@code excludeMain}. */
    List<String> select(Pattern main, Pattern excludeMain) throws Failure {
        List<String> pids = new ArrayList<String>();
        for (Map.Entry<String, String> jvm : listed().entrySet()) {
            String name = mainOf(jvm.getValue());
            if ((main == null || main.matcher(name).find())
                    && (excludeMain == null || !excludeMain.matcher(name).find())) {
                pids.add(jvm.getKey());
            }
        }
        return pids;
    }

    /** Attaches to one JVM, runs the session and detaches again; or says why it cannot. */
    <T> T with(String pid, Session<T> session) throws Failure {
        check(pid);
        Target target = Target.of(pid);
        if (target != null && !java.nio.file.Files.exists(target.socket()) && !target.catchesSigquit) {
            throw new Failure("the JVM does not handle SIGQUIT (started with -Xrs?), so the signal that starts its"
                    + " attach listener would end it; nothing was sent; restart it without -Xrs, or with -javaagent:"
                    + agentJar);
        }
        if (target != null && !target.sameMountNamespace && !SocketAttach.available()) {
            throw new Failure("the JVM runs in another mount namespace (a container) and this command runs on Java "
                    + System.getProperty("java.version") + ", which cannot open its attach socket; run it with the java"
                    + " of Java 16 or later, or inside the container");
        }
        Vm vm;
        try {
            vm = open(pid, target);
        } catch (Failure f) {
            throw new Failure(whyOpenFailed(pid, f.getMessage()));
        }
        try {
            return session.run(vm, vm.systemProperties());
        } finally {
            vm.close();
        }
    }

    /**
     * The JDK's attach API for a JVM in this command's mount namespace; this command's own socket client where
     * there is no attach API or the JVM is in a container (another mount namespace).
     */
    private Vm open(String pid, Target target) throws Failure {
        if (attach != null && (target == null || target.sameMountNamespace)) {
            if (target != null) {
                // the trigger file in the JVM's /tmp, not (as the JDK's attach API puts it) in its working directory
                SocketAttach.ensureListener(target);
            }
            return attach.open(pid);
        }
        if (target != null && SocketAttach.available()) {
            return SocketAttach.open(target);
        }
        throw new Failure(Attach.unavailable());
    }

    Jvm describe(String pid) throws Failure {
        return with(pid, (vm, properties) -> new Jvm(pid, listed().get(pid), properties));
    }

    private void check(String pid) throws Failure {
        if (!pid.matches("[0-9]+")) {
            throw new Failure("not a pid (a process id is a number)");
        }
        if (pid.equals(self)) {
            throw new Failure("that is this command's own JVM");
        }
        if (!Processes.exists(pid)) {
            throw new Failure("no such process");
        }
        String owner = Processes.foreignOwner(pid);
        if (owner != null) {
            throw new Failure("the process belongs to user " + owner + " and this command runs as "
                    + Processes.currentUser() + "; the attach API only reaches JVMs of the same user; run: "
                    + asOwner(pid));
        }
        if (!listed().containsKey(pid)) {
            throw new Failure(Processes.whyNotListed(pid, agentJar));
        }
    }

    /** The effective uid of a JVM owned by another user than root, when this command runs as root; else -1. */
    static int otherUserAsRoot(String pid) {
        Target target = Target.of(pid);
        return target != null && Target.currentUid() == 0 && target.uid > 0 ? target.uid : -1;
    }

    private String whyOpenFailed(String pid, String message) {
        if (!Processes.exists(pid)) {
            return "the process exited";
        }
        if (message.contains("does not support the attach mechanism")) {
            return "the JVM refuses to be attached (-XX:+DisableAttachMechanism?): " + message;
        }
        if (message.contains("not permitted") || message.contains("ermission denied")) {
            return "not allowed to attach (" + message + "); run: " + asOwner(pid);
        }
        return "cannot attach: " + message;
    }

    /** The same command, run as the user who owns the JVM. */
    private String asOwner(String pid) {
        String owner = Processes.owner(pid);
        return "sudo -u " + (owner == null ? "<its user>" : owner) + " " + System.getProperty("java.home")
                + File.separator + "bin" + File.separator + "java -jar " + agentJar + " " + commandLine + " " + pid;
    }

    /** The main class or jar in a display name or java command: its first word. */
    static String mainOf(String command) {
        String trimmed = command == null ? "" : command.trim();
        return trimmed.isEmpty() ? "?" : trimmed.split(" ")[0];
    }
}
