package dev.wssubprotocol.it.driver;

/**
 * The quickstart's client: Netty's own WebSocket client offers "chat, superchat" to a server that selects none
 * and omits Sec-WebSocket-Protocol, then says what the application sees.
 */
public final class DemoClient {
    public static void main(String[] args) throws Exception {
        NettyDriver netty = new NettyDriver();
        try {
            String outcome = netty.exchange(Case.OFFERED_OMITTED, args[0] + Case.OFFERED_OMITTED.path, "handshaker");
            System.out.println("  connected; the application sees: " + outcome.substring(3));
        } catch (Exception e) {
            System.out.println("  handshake failed: " + e);
        } finally {
            netty.shutdown();
        }
    }
}
