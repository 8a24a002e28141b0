package dev.wssubprotocol.agent.cli;

import java.io.PrintStream;

/** {@code status}: the agent's state in running JVMs, as each JVM publishes it. */
final class StatusCommand {
    static final String HELP = "Usage: java -jar ws-subprotocol-agent.jar status <pid>...\n"
            + "\n"
            + "Shows for each JVM whether the agent is active, its version, the options in force, the classes\n"
            + "it patched (library:class@class loader) and how many handshakes it rescued since the JVM started.\n"
            + "Read from the JVM's system property ws.subprotocol.agent.status; nothing is changed there.\n";

    private StatusCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) throws Args.Usage, Failure {
        if (args.help()) {
            out.print(HELP);
            return Cli.OK;
        }
        if (args.pids.isEmpty()) {
            throw new Args.Usage("which JVM? give one or more pids");
        }
        Jvms jvms = Cli.jvms("status");
        return Cli.each(java.util.Collections.singletonList("status"), args.pids, pid -> {
            Jvms.Jvm jvm = jvms.describe(pid);
            AgentState agent = jvm.agent;
            StringBuilder sb = new StringBuilder(Cli.describe(jvm)).append('\n');
            if (!agent.loaded()) {
                return sb.append("  agent:    not loaded").toString();
            }
            sb.append("  agent:    ").append(agent.active() ? "active" : "inactive (detached)")
                    .append(", version ").append(agent.version()).append('\n');
            sb.append("  options:  ").append(agent.options()).append('\n');
            sb.append("  patched:  ");
            if (agent.patched().isEmpty()) {
                sb.append(agent.patchedList()).append('\n');
            }
            for (int i = 0; i < agent.patched().size(); i++) {
                sb.append(i == 0 ? "" : "            ").append(agent.patched().get(i)).append('\n');
            }
            return sb.append("  rescued:  ").append(agent.rescued()).append(" handshake(s) since the JVM started")
                    .toString();
        }, out, err);
    }
}
