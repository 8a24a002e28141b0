package dev.wssubprotocol.agent.cli;

import dev.wssubprotocol.agent.AgentEntry;

import java.io.PrintStream;
import java.util.List;

/** {@code detach}: stops the agent in running JVMs, which gives the patched classes their original code back. */
final class DetachCommand {
    static final String HELP = "Usage: java -jar ws-subprotocol-agent.jar detach <pid>...\n"
            + "       java -jar ws-subprotocol-agent.jar detach --all [--main REGEX] [--exclude-main REGEX]\n"
            + "\n"
            + "Stops the agent in each JVM: its transformer is removed and every class it patched gets its\n"
            + "original code back, so handshakes behave as without the agent. A later attach works again.\n"
            + "A JVM where the agent is not active is left as it is (\"not active\").\n"
            + "\n"
            + "  --all                 every JVM of this user that the attach API lists (not this command's)\n"
            + "  --main REGEX          with --all: only JVMs whose main class or jar matches REGEX (anywhere)\n"
            + "  --exclude-main REGEX  with --all: not the JVMs whose main class or jar matches REGEX\n";

    private DetachCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) throws Args.Usage, Failure {
        if (args.help()) {
            out.print(HELP);
            return Cli.OK;
        }
        Jvms jvms = Cli.jvms("detach");
        List<String> pids = Cli.targets(args, jvms);
        return Cli.each(java.util.Collections.singletonList("detach"), pids, pid -> jvms.with(pid, (vm, before) -> {
            Jvms.Jvm jvm = new Jvms.Jvm(pid, null, before);
            if (!jvm.agent.active()) {
                return Cli.describe(jvm) + ": not active, nothing to detach (agent " + jvm.agent.brief() + ")";
            }
            try {
                vm.loadAgent(jvms.jarFor(pid), AgentEntry.DETACH);
            } catch (Failure f) {
                throw new Failure("the JVM did not load the agent to detach it: " + f.getMessage());
            }
            AgentState now = AgentState.of(vm.systemProperties());
            if (now.active()) {
                throw new Failure("the agent is still active after the detach; the reason is on that JVM's"
                        + " stderr, in a line that starts with [ws-subprotocol-agent]");
            }
            int restored = jvm.agent.patched().size();
            return Cli.describe(jvm) + ": detached; " + (restored == 0 ? "no class was patched"
                    : "original code again in " + jvm.agent.patchedList()) + "; rescued: " + now.rescued();
        }), out, err);
    }
}
