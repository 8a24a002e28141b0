package dev.wssubprotocol.it.driver;

/**
 * The benchmark's WebSocket application: one Netty connection that offers "chat, superchat", one message echoed,
 * closed. The server selects "superchat", so the application does the same work with and without the agent.
 */
public final class BenchClient {
    public static void main(String[] args) throws Exception {
        NettyDriver netty = new NettyDriver();
        try {
            String outcome = netty.exchange(Case.OFFERED_SELECTED, args[0] + Case.OFFERED_SELECTED.path, "handshaker");
            if (!outcome.startsWith("OK ")) {
                throw new IllegalStateException(outcome);
            }
        } finally {
            netty.shutdown();
        }
    }
}
