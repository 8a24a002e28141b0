package dev.wssubprotocol.agent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the operating system says about a pid the command was given, to tell the operator why it cannot be
 * attached. Reads /proc where there is one (Linux); elsewhere the reasons are less precise. Never used to find JVMs:
 * only the attach API's own list says what is a JVM.
 */
final class Processes {
    private static final Path PROC = Paths.get("/proc");

    private Processes() {
    }

    /** The user this command runs as, as the OS sees it. */
    static String currentUser() {
        String owner = owner("self");
        return owner != null ? owner : System.getProperty("user.name");
    }

    /** The owner of a process, or null when it cannot be known (no such process, or no /proc). */
    static String owner(String pid) {
        try {
            return Files.getOwner(PROC.resolve(pid)).getName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** False when the OS says there is no such process (or only its zombie); true where there is no /proc to ask. */
    static boolean exists(String pid) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return true;
        }
        String stat = read(pid, "stat");
        return !stat.isEmpty() && !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
    }

    /**
     * The owner of a process when it is another user than this command's and this command is not root (which
     * JDK 11+ JVMs accept as a peer); null otherwise.
     */
    static String foreignOwner(String pid) {
        String owner = owner(pid);
        String me = currentUser();
        return owner != null && !owner.equals(me) && !"root".equals(me) ? owner : null;
    }

    /** Why a process that the attach API does not list is not attachable, from its command line and memory map. */
    static String whyNotListed(String pid, String agentJar) {
        String command = read(pid, "cmdline").replace('\0', ' ');
        if (command.contains("-XX:+DisableAttachMechanism")) {
            return "a JVM started with -XX:+DisableAttachMechanism, which refuses every attach; restart it without"
                    + " that flag, or with -javaagent:" + agentJar;
        }
        if (read(pid, "maps").contains(File.separator + "libjvm.")) {
            return "a JVM that the attach API does not list (started with -XX:-UsePerfData?); restart it without"
                    + " that flag, or with -javaagent:" + agentJar;
        }
        String name = read(pid, "comm").trim();
        return "not a JVM" + (name.isEmpty() ? "" : " (" + name + ")") + ": the attach API does not list it";
    }

    private static String read(String pid, String file) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid).resolve(file)), Charset.defaultCharset());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
