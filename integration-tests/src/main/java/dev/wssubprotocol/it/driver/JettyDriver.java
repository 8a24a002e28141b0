package dev.wssubprotocol.it.driver;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Jetty 12's native WebSocket client ({@code org.eclipse.jetty.websocket.client.WebSocketClient}, 12.0 and 12.1),
 * offering with {@link ClientUpgradeRequest#setSubProtocols}. The subprotocol reported is the session's
 * {@code getUpgradeResponse().getAcceptedSubProtocol()}, null when none was selected. Jetty 9.4 to 11 have classes
 * of the same names with another API: see {@code JettyClassicDriver}, compiled by the test against each of them.
 */
public final class JettyDriver extends Driver {
    private final WebSocketClient client = new WebSocketClient();

    public static void main(String[] args) throws Exception {
        JettyDriver driver = new JettyDriver();
        driver.client.start();
        driver.run(args);
    }

    /** An annotated endpoint (auto-demanding by default). */
    @WebSocket
    public static final class Echo {
        final CompletableFuture<String> text = new CompletableFuture<>();

        @OnWebSocketMessage
        public void onText(String message) {
            text.complete(message);
        }

        @OnWebSocketClose
        public void onClose(int code, String reason) {
            text.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
        }

        @OnWebSocketError
        public void onError(Throwable cause) {
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
        Session session = await(client.connect(echo, URI.create(uri), request));
        try {
            session.sendText(MESSAGE, Callback.NOOP);
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
