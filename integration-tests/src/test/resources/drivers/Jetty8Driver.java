package dev.wssubprotocol.it.driver;

import org.eclipse.jetty.websocket.WebSocket;
import org.eclipse.jetty.websocket.WebSocketClient;
import org.eclipse.jetty.websocket.WebSocketClientFactory;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket client of Jetty 7 and 8 ({@code org.eclipse.jetty:jetty-websocket},
 * {@code org.eclipse.jetty.websocket.WebSocketClient} from a started {@code WebSocketClientFactory}). It offers one
 * string, {@code setProtocol("chat, superchat")}, sent as it is; the application reads
 * {@code WebSocket.Connection.getProtocol()}.
 *
 * <p>Not compiled by Maven: its {@code org.eclipse.jetty.util} and {@code io} classes would meet Jetty 12's on the
 * module's compile class path. The test compiles it against the version it runs (JettyLegacyIT).
 */
public final class Jetty8Driver extends Driver {
    private final WebSocketClientFactory factory = new WebSocketClientFactory();

    public static void main(String[] args) throws Exception {
        Jetty8Driver driver = new Jetty8Driver();
        driver.factory.start();
        driver.run(args);
    }

    @Override
    protected void shutdown() throws Exception {
        factory.stop();
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketClient client = factory.newWebSocketClient();
        if (c.offer != null) {
            client.setProtocol(c.offer);
        }
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        WebSocket.Connection connection = client.open(URI.create(uri), new WebSocket.OnTextMessage() {
            @Override
            public void onOpen(WebSocket.Connection connection) {
            }

            @Override
            public void onClose(int closeCode, String message) {
                echo.completeExceptionally(new IllegalStateException("closed: " + closeCode + " " + message));
            }

            @Override
            public void onMessage(String data) {
                echo.complete(data);
            }
        }, 10, TimeUnit.SECONDS);
        try {
            connection.sendMessage(MESSAGE);
            return ok(connection.getProtocol(), await(echo));
        } finally {
            connection.close();
        }
    }
}
