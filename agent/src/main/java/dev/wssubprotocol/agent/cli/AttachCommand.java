package dev.wssubprotocol.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code attach}: starts the agent in running JVMs and reports what it patched there, as each JVM reports it. */
final class AttachCommand {
    static final String HELP = "Usage: java -jar ws-subprotocol-agent.jar attach [--options OPTIONS] <pid>...\n"
            + "       java -jar ws-subprotocol-agent.jar attach [--options OPTIONS] --all [--main REGEX] [--exclude-main REGEX]\n"
            + "                                                 [--watch [--interval SECONDS]]\n"
            + "\n"
            + "Starts the agent in each JVM, as -javaagent would have at startup, and patches the client classes\n"
            + "already loaded there. Prints for each JVM what is patched now, read back from the JVM itself.\n"
            + "A JVM where the agent is already active (attached before, or started with -javaagent) is left\n"
            + "as it is and reported as \"already active\".\n"
            + "\n"
            + "  --options OPTIONS     the agent options, as after -javaagent:ws-subprotocol-agent.jar=\n"
            + "                        (e.g. patches=netty,log=quiet); see the README\n"
            + "  --all                 every JVM of this user that the attach API lists (not this command's)\n"
            + "  --main REGEX          with --all: only JVMs whose main class or jar matches REGEX (anywhere)\n"
            + "  --exclude-main REGEX  with --all: not the JVMs whose main class or jar matches REGEX\n"
            + "  --watch               with --all: keep running, and attach to each matching JVM that starts later\n"
            + "                        (one line each; JDK tools such as jps, jcmd and keytool are skipped; a JVM\n"
            + "                        is tried once); stops on SIGTERM or Ctrl-C\n"
            + "  --interval SECONDS    with --watch: how often to look for new JVMs (default 5)\n"
            + "\n"
            + "Java 21 and later print a warning in the JVM when an agent is loaded at run time (JEP 451);\n"
            + "-XX:+EnableDynamicAgentLoading on that JVM's command line hides it.\n";

    private AttachCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) throws Args.Usage, Failure {
        if (args.help()) {
            out.print(HELP);
            return Cli.OK;
        }
        String options = args.get("--options");
        if (args.has("--watch") || args.has("--interval")) {
            if (!args.has("--all")) {
                throw new Args.Usage("--watch works on all JVMs: use it with --all (and --main/--exclude-main)");
            }
            return Watch.run(args, options, out, err);
        }
        Jvms jvms = Cli.jvms("attach" + (options == null ? "" : " --options '" + options + "'"));
        List<String> pids = Cli.targets(args, jvms);
        return Cli.each(command(options), pids, pid -> attach(jvms, pid, options), out, err);
    }

    /** The command line a child process repeats for one pid (see {@link AsUser}). */
    static List<String> command(String options) {
        return options == null ? java.util.Arrays.asList("attach")
                : java.util.Arrays.asList("attach", "--options", options);
    }

    /** Attaches to one JVM and says what is patched there now, or why it did not work. */
    static String attach(Jvms jvms, String pid, String options) throws Failure {
        return jvms.with(pid, (vm, before) -> {
            Jvms.Jvm jvm = new Jvms.Jvm(pid, null, before);
            if (jvm.agent.active()) {
                return Cli.describe(jvm) + ": already active, nothing changed"
                        + (options == null ? "" : " (--options not applied: detach first to change them)")
                        + "; " + Cli.agentSummary(jvm.agent);
            }
            try {
                vm.loadAgent(jvms.jarFor(pid), options);
            } catch (Failure f) {
                throw new Failure("the JVM did not load the agent: " + f.getMessage());
            }
            AgentState now = AgentState.of(vm.systemProperties());
            if (!now.active()) {
                throw new Failure("the agent did not start there (options rejected?); the reason is on that JVM's"
                        + " stderr, in a line that starts with [ws-subprotocol-agent]");
            }
            return Cli.describe(jvm) + ": attached; " + Cli.agentSummary(now);
        });
    }
}
