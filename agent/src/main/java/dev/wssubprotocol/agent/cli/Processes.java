package dev.wssubprotocol.agent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operating system says about a pid the command was given, to tell the operator why it cannot be
 * attached, and which JVMs there are beyond those the attach API lists (in containers, or with no attach API).
 * Reads /proc where there is one (Linux); elsewhere the reasons are less precise.
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

    /**
     * The JVMs this command may reach, found through /proc: a process whose own /tmp (seen through
     * /proc/&lt;pid&gt;/root, so containers count) holds its perf-data file hsperfdata_&lt;user&gt;/&lt;its pid&gt;, as
     * the attach API's own list has it; not those started with -XX:+DisableAttachMechanism. Host pid and display
     * name (main class or jar and arguments, from the command line). Empty where there is no /proc.
     */
    static Map<String, String> jvms() {
        Map<String, String> jvms = new LinkedHashMap<String, String>();
        if (!Target.hasProc()) {
            return jvms;
        }
        String[] pids = PROC.toFile().list();
        if (pids == null) {
            return jvms;
        }
        for (String pid : pids) {
            if (!pid.matches("[0-9]+")) {
                continue;
            }
            Target target = Target.of(pid);
            if (target == null || !hasPerfData(target)) {
                continue;
            }
            List<String> args = Arrays.asList(read(pid, "cmdline").split("\0"));
            if (!args.contains("-XX:+DisableAttachMechanism")) {
                jvms.put(pid, displayName(args));
            }
        }
        return jvms;
    }

    private static boolean hasPerfData(Target target) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(target.inside("/tmp"), "hsperfdata_*")) {
            for (Path dir : dirs) {
                if (Files.exists(dir.resolve(target.nsPid))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not allowed to look: not a JVM this command can reach
        }
        return false;
    }

    /** What follows the JVM options on a java command line: the main class or -jar's jar, and the arguments. */
    static String displayName(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-jar") && i + 1 < args.size()) {
                return join(args.subList(i + 1, args.size()));
            }
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")
                    || arg.equals("--module-path") || arg.equals("-p") || arg.equals("--add-modules")) {
                i++;
            } else if (arg.equals("-m") || arg.equals("--module")) {
                return i + 1 < args.size() ? join(args.subList(i + 1, args.size())) : "?";
            } else if (!arg.startsWith("-")) {
                return join(args.subList(i, args.size()));
            }
        }
        return "?";
    }

    private static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String word : words) {
            sb.append(sb.length() == 0 ? "" : " ").append(word);
        }
        return sb.toString();
    }

    private static String read(String pid, String file) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid).resolve(file)), Charset.defaultCharset());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
