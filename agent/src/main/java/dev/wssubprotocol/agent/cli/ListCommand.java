package dev.wssubprotocol.agent.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code list}: every JVM the attach API lists for this user, with the agent's state as each JVM reports it. */
final class ListCommand {
    static final String HELP = "Usage: java -jar ws-subprotocol-agent.jar list\n"
            + "\n"
            + "Lists every JVM of this user that the JDK attach API lists (not this command's own), and on Linux\n"
            + "every JVM it finds through /proc (as root: of every user, in containers too): pid (for a JVM in a\n"
            + "container also its pid there, e.g. \"4242 (pid 1 in its namespace)\"), Java\n"
            + "version, main class or jar, and the agent's state there with the classes it patched, read from\n"
            + "each JVM's system property ws.subprotocol.agent.status. AGENT is \"not loaded\", \"active <version>\"\n"
            + "or \"inactive <version> (detached)\".\n";

    private ListCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) throws Args.Usage, Failure {
        if (args.help()) {
            out.print(HELP);
            return Cli.OK;
        }
        if (!args.pids.isEmpty()) {
            throw new Args.Usage("list takes no pids; see status <pid>");
        }
        Jvms jvms = Cli.jvms("list");
        List<String[]> rows = new ArrayList<String[]>();
        rows.add(new String[] {"PID", "JAVA", "MAIN", "AGENT", "PATCHED"});
        int failed = 0;
        for (String pid : jvms.listed().keySet()) {
            Failure failure = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    Jvms.Jvm jvm = jvms.describe(pid);
                    rows.add(new String[] {Jvms.label(pid), jvm.java, jvm.main, jvm.agent.brief(),
                            jvm.agent.loaded() ? jvm.agent.patchedList() : "-"});
                    failure = null;
                    break;
                } catch (Failure f) {
                    failure = f;
                    pause(); // a JVM that is starting or exiting may not answer at once
                }
            }
            if (failure != null && Processes.exists(pid)) {
                err.println("error: pid " + pid + ": " + failure.getMessage());
                rows.add(new String[] {Jvms.label(pid), "?", Jvms.mainOf(jvms.listed().get(pid)), "?", "?"});
                failed++;
            }
            // else it was listed and has exited since: not a JVM any more
        }
        print(rows, out);
        return failed == 0 ? Cli.OK : Cli.FAILED;
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                for (int pad = row[i].length(); i < row.length - 1 && pad < widths[i] + 2; pad++) {
                    line.append(' ');
                }
            }
            out.println(line);
        }
    }
}
