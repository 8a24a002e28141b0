package dev.wssubprotocol.agent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the operating system says about a pid that the attach API does not list, to tell the operator why.
 * Reads /proc where there is one (Linux); elsewhere the reasons are less precise. Never used to find JVMs.
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

    /** Why a pid is not a JVM this command can attach to; null when the OS sees nothing against it. */
    static String whyNot(String pid) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return null;
        }
        if (!Files.isDirectory(PROC.resolve(pid))) {
            return "no such process";
        }
        String owner = owner(pid);
        String me = currentUser();
        if (owner != null && !owner.equals(me) && !"root".equals(me)) {
            return "the process belongs to user " + owner + " and this command runs as " + me
                    + "; the attach API only reaches JVMs of the same user";
        }
        return null;
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
