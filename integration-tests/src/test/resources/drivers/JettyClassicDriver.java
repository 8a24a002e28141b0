package dev.wssubprotocol.it.driver;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The native WebSocket client of Jetty 9.4, 10 and 11 ({@code org.eclipse.jetty.websocket.client.WebSocketClient}
 * with a {@link WebSocketListener}), offering with {@link ClientUpgradeRequest#setSubProtocols}. The subprotocol
 * reported is the session's {@code getUpgradeResponse().getAcceptedSubProtocol()}, null when none was selected.
 *
 * <p>Not compiled by Maven: Jetty 12 ({@code JettyDriver}, on the module's compile class path) has classes of the
 * same names with another API, and 9.4's {@code connect} returns a {@code Future} where 10 and 11 return a
 * {@code CompletableFuture}. This one source compiles against each of 9.4, 10 and 11; the test compiles it against
 * the version it runs (JettyClassicIT).
 */
public final class JettyClassicDriver extends Driver {
    private final WebSocketClient client = new WebSocketClient();

    public static void main(String[] args) throws Exception {
        JettyClassicDriver driver = new JettyClassicDriver();
        driver.client.start();
        driver.run(args);
    }

    static final class Echo implements WebSocketListener {
        final CompletableFuture<String> text = new CompletableFuture<>();

        @Override
        public void onWebSocketConnect(Session session) {
        }

        @Override
        public void onWebSocketText(String message) {
            text.complete(message);
        }

        @Override
        public void onWebSocketBinary(byte[] payload, int offset, int length) {
        }

        @Override
        public void onWebSocketClose(int code, String reason) {
            text.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            text.completeExceptionally(cause);
        }
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        if (c.offer != null) {
            request.setSubProtocols(c.offerList());
        }
        Echo echo = new Echo();
        Future<Session> connect = client.connect(echo, URI.create(uri), request);
        Session session;
        try {
            session = connect.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + TIMEOUT_SECONDS + " s");
        }
        try {
            session.getRemote().sendString(MESSAGE);
            return ok(session.getUpgradeResponse().getAcceptedSubProtocol(), await(echo.text));
        } finally {
            session.close();
        }
    }

    @Override
    protected void shutdown() throws Exception {
        client.stop();
    }
}
