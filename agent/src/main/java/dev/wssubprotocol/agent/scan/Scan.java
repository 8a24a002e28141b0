package dev.wssubprotocol.agent.scan;

import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar ws-subprotocol-agent.jar scan PATH...}: which strict WebSocket clients are inside an
 * application's jars, wars, ears or directories, and whether the agent fixes them.
 */
public final class Scan {
    /** No strict client found, and everything was read. */
    public static final int NONE = 0;
    /** A strict client that the agent fixes was found. */
    public static final int NEEDS_AGENT = 1;
    public static final int USAGE = 2;
    /** Nothing the agent fixes was found, but some entries could not be read, or a class could not be checked. */
    public static final int INCOMPLETE = 3;
    /** A class named like a strict client was found, but the agent does not fix it, and none that it does. */
    public static final int NOT_FIXABLE = 4;

    private Scan() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Limits.DEFAULT);
    }

    static int run(String[] args, final PrintStream out, final PrintStream err, Limits limits) {
        List<String> paths = new ArrayList<String>();
        boolean options = true;
        for (String arg : args) {
            if (options && (arg.equals("--help") || arg.equals("-h"))) {
                help(out, limits);
                return NONE;
            } else if (options && arg.equals("--")) {
                options = false;
            } else if (options && arg.startsWith("-") && arg.length() > 1) {
                err.println("scan: unknown option " + arg);
                usage(err);
                return USAGE;
            } else {
                paths.add(arg);
            }
        }
        if (paths.isEmpty()) {
            err.println("scan: no path given");
            usage(err);
            return USAGE;
        }
        final int[] counts = new int[5]; // by Finding.Outcome, then errors
        Reader reader = new Reader(limits, new Reader.Listener() {
            @Override
            public void found(Finding finding) {
                out.println(finding.line());
                counts[finding.outcome.ordinal()]++;
            }

            @Override
            public void error(String location, String message) {
                err.println("error: " + location + ": " + message);
                counts[4]++;
            }
        });
        for (String path : paths) {
            try {
                reader.scan(path);
            } catch (RuntimeException e) {
                err.println("error: " + path + ": the scan failed (" + e + "); the rest of it was not read");
                counts[4]++;
            }
        }
        reader.report();
        int fixed = counts[Finding.Outcome.FIXED.ordinal()];
        int notFixed = counts[Finding.Outcome.NOT_FIXED.ordinal()];
        int unchecked = counts[Finding.Outcome.UNCHECKED.ordinal()];
        int notNeeded = counts[Finding.Outcome.NOT_NEEDED.ordinal()];
        int errors = counts[4];
        int code = fixed > 0 ? NEEDS_AGENT : notFixed > 0 ? NOT_FIXABLE
                : unchecked + errors > 0 ? INCOMPLETE : NONE;
        out.println("summary: " + fixed + " fixed by the agent, " + notFixed + " not fixed, "
                + (unchecked > 0 ? unchecked + " not checked, " : "")
                + (notNeeded > 0 ? notNeeded + " not needing it, " : "") + plural(errors, "error")
                + "; scanned " + plural(paths.size(), "path") + ", " + plural(reader.archives, "archive") + ", "
                + plural(reader.classFiles, "class file") + " -> " + verdict(code) + " (exit " + code + ")");
        return code;
    }

    private static String verdict(int code) {
        switch (code) {
            case NEEDS_AGENT:
                return "needs the agent";
            case NOT_FIXABLE:
                return "a strict client that the agent does not fix";
            case INCOMPLETE:
                return "incomplete: nothing the agent fixes in what could be read and checked";
            default:
                return "no strict client found, the agent is not needed";
        }
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static void usage(PrintStream err) {
        err.println("Usage: java -jar ws-subprotocol-agent.jar scan [--help] [--] PATH...");
    }

    private static void help(PrintStream out, Limits limits) {
        out.println("Usage: java -jar ws-subprotocol-agent.jar scan [--help] [--] PATH...");
        out.println();
        out.println("Finds the strict WebSocket clients that ws-subprotocol-agent fixes in jars, wars, ears, zips,");
        out.println("Spring Boot fat jars (BOOT-INF/lib), web apps (WEB-INF/lib) and directories, including");
        out.println("relocated (shaded) copies of Netty, and runs on each the shape check the agent runs before it");
        out.println("patches a class. The classes it looks for:");
        for (Patch patch : Patches.ALL) {
            out.println("  " + patch.id() + ": " + patch.typeName()
                    + (patch.relocatableRoot() != null ? " (also relocated)" : ""));
        }
        out.println();
        out.println("Prints one line per class found on stdout, then a summary line:");
        out.println("  needs agent  <patch> <version>  <class>  in <where>  -> fixed by the agent (patch <patch>)");
        out.println("  unsupported  <patch> <version>  <class>  in <where>  -> NOT fixed: <what differs>");
        out.println("  unchecked    <patch> <version>  <class>  in <where>  -> not checked: <the class missing>");
        out.println("  not needed   <patch> <version>  <class>  in <where>  -> does not need the agent: <why>");
        out.println("The check looks up the classes it needs in the class's own archive, then in all the paths");
        out.println("given: scan an application whole (its fat jar, war, or lib directory).");
        out.println("An entry that cannot be read (missing, not a zip, truncated, corrupt, over a limit) gets one");
        out.println("line on stderr, and the scan goes on.");
        out.println();
        out.println("Exit codes, the first that applies:");
        out.println("  1  a strict client that the agent fixes was found: run the application with the agent");
        out.println("  4  a class named like a strict client was found, but the agent does not fix it");
        out.println("  3  none of the above, but some entries could not be read or a class could not be checked");
        out.println("     (a class it needs is in none of the paths): the answer is incomplete");
        out.println("  0  no strict client found: the agent is not needed");
        out.println("  2  usage error");
        out.println();
        out.println("Limits, against zip bombs: for each PATH, archives nested " + limits.depth + " deep, "
                + Limits.bytes(limits.entryBytes) + " per entry");
        out.println("held in memory, " + Limits.bytes(limits.totalBytes) + " uncompressed in all, " + limits.entries
                + " entries; " + Limits.bytes(limits.heldBytes) + " of library classes held for the whole scan.");
    }
}
