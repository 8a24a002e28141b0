package dev.wssubprotocol.agent.cli;

import dev.wssubprotocol.agent.scan.Scan;

import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar ws-subprotocol-agent.jar <command>}: attaches the agent to running JVMs, reports and detaches
 * it. Results go to stdout, one failure a line to stderr. Exit code 0 when every target ended as asked, 1 when
 * one did not, 2 for a command line that makes no sense. This JVM never runs the agent itself: it only asks
 * other JVMs, through the JDK attach API, to run it and to tell their state.
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String NAME = "ws-subprotocol-agent";
    static final String HELP = NAME + " " + version() + ": lets WebSocket clients that offered subprotocols accept a server"
            + " that selects none.\n"
            + "\n"
            + "As an agent:  java -javaagent:ws-subprotocol-agent.jar[=options] ...\n"
            + "At run time:  java -jar ws-subprotocol-agent.jar <command> [--help]\n"
            + "\n"
            + "Commands:\n"
            + "  list                  the JVMs of this user: pid, Java version, main class or jar, agent state\n"
            + "  attach <pid>...       start the agent in running JVMs (or --all, with --main/--exclude-main)\n"
            + "  status <pid>...       the agent's state in a JVM: version, options, patched classes, rescues\n"
            + "  detach <pid>...       stop the agent and give the patched classes their original code back\n"
            + "  scan PATH...          which strict clients an application's jars hold, and whether the agent fixes them\n"
            + "\n"
            + "Exit code: 0 when every JVM ended as asked, 1 when one did not (one line on stderr each), 2 for\n"
            + "a bad command line (scan has its own: see scan --help). Attaching needs a JDK, or on Linux any\n"
            + "Java 16+ runtime (a JRE too); root attaches to another user's JVM as that user, and to a JVM in a\n"
            + "container by its host pid.\n";

    /** What a command does for one pid: returns its result for stdout or throws why it could not. */
    interface Action {
        String run(String pid) throws Failure;
    }

    private Cli() {
    }

    public static void main(String[] args) {
        if (System.getProperty("sun.tools.attach.attachTimeout") == null) {
            // the JDK's attach API waits 10 s (JDK 9+) for a JVM that does not answer; 5 s is plenty on a live JVM
            System.setProperty("sun.tools.attach.attachTimeout", "5000");
        }
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = Arrays.asList(argv);
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        try {
            if (command.equals("list")) {
                return ListCommand.run(Args.parse(rest), out, err);
            } else if (command.equals("attach")) {
                return AttachCommand.run(Args.parse(rest, "--all", "--main=", "--exclude-main=", "--options=",
                        "--watch", "--interval="), out, err);
            } else if (command.equals("status")) {
                return StatusCommand.run(Args.parse(rest), out, err);
            } else if (command.equals("detach")) {
                return DetachCommand.run(Args.parse(rest, "--all", "--main=", "--exclude-main="), out, err);
            } else if (command.equals("scan")) {
                return Scan.run(rest.toArray(new String[0]), out, err);
            } else if (command.equals("--version")) {
                out.println(NAME + " " + version());
                return OK;
            } else if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
                out.print(HELP);
                return OK;
            }
            err.print(HELP);
            err.println();
            err.println(command.isEmpty() ? "error: no command given" : "error: unknown command '" + command + "'");
            return USAGE;
        } catch (Args.Usage usage) {
            err.println("error: " + usage.getMessage() + " (see: java -jar " + NAME + ".jar " + command + " --help)");
            return USAGE;
        } catch (Failure failure) {
            err.println("error: " + failure.getMessage());
            return FAILED;
        }
    }

    /** Runs an action for each pid: a stdout line for each success, a stderr line for each failure. */
    static int each(List<String> pids, Action action, PrintStream out, PrintStream err) {
        return each(null, pids, action, out, err);
    }

    /**
     * The same; run as root, and given the command line ({@code command}, without pids) to repeat, an action on a
     * JVM of another user runs in a child process as that user ({@link AsUser}).
     */
    static int each(List<String> command, List<String> pids, Action action, PrintStream out, PrintStream err) {
        int failed = 0;
        for (String pid : pids) {
            try {
                Target target = command == null || !pid.matches("[0-9]+") ? null : Target.of(pid);
                if (target != null && target.uid > 0 && Target.currentUid() == 0) {
                    if (!AsUser.run(pid, target, agentJar(), command, out, err)) {
                        failed++;
                    }
                    continue;
                }
                out.println(action.run(pid));
            } catch (Failure f) {
                err.println("error: pid " + pid + ": " + f.getMessage());
                failed++;
            }
        }
        return failed == 0 ? OK : FAILED;
    }

    /** The pids a command that takes {@code <pid>...} or {@code --all [--main R] [--exclude-main R]} works on. */
    static List<String> targets(Args args, Jvms jvms) throws Args.Usage, Failure {
        if (!args.has("--all")) {
            if (args.has("--main") || args.has("--exclude-main")) {
                throw new Args.Usage("--main and --exclude-main choose among all JVMs: use them with --all");
            }
            if (args.pids.isEmpty()) {
                throw new Args.Usage("which JVM? give one or more pids, or --all");
            }
            return args.pids;
        }
        if (!args.pids.isEmpty()) {
            throw new Args.Usage("give pids or --all, not both");
        }
        List<String> pids = jvms.select(args.pattern("--main"), args.pattern("--exclude-main"));
        if (pids.isEmpty()) {
            throw new Failure("no JVM of this user matches"
                    + (args.has("--main") ? " --main '" + args.get("--main") + "'" : "")
                    + (args.has("--exclude-main") ? " --exclude-main '" + args.get("--exclude-main") + "'" : ""));
        }
        return pids;
    }

    /** The JVMs, for a command whose own command line (without pids) is {@code commandLine}. */
    static Jvms jvms(String commandLine) throws Failure {
        Attach attach = Attach.load();
        if (attach == null && !SocketAttach.available()) {
            throw new Failure(Attach.unavailable());
        }
        return new Jvms(attach, agentJar(), commandLine);
    }

    /** The jar this command runs from: the file the attached JVMs load. */
    static String agentJar() throws Failure {
        try {
            File jar = new File(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.isFile()) {
                return jar.getAbsolutePath();
            }
        } catch (Exception e) {
            // reported below
        }
        throw new Failure("cannot tell which jar this command runs from; run it as java -jar " + NAME + ".jar");
    }

    /** "pid 4242 (com.example.Main, Java 17.0.15)" */
    static String describe(Jvms.Jvm jvm) {
        return "pid " + jvm.pid + " (" + jvm.main + ", Java " + jvm.java + ")";
    }

    /** "active 0.1.0 (patches=... mode=... log=...); patched: ...; rescued: N" */
    static String agentSummary(AgentState agent) {
        if (!agent.loaded()) {
            return agent.brief();
        }
        return agent.brief() + " (" + agent.options() + "); patched: " + agent.patchedList() + "; rescued: "
                + agent.rescued();
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
