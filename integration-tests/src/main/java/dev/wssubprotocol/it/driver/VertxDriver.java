package dev.wssubprotocol.it.driver;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.concurrent.CompletableFuture;

/**
 * Vert.x core's {@link WebSocketClient}, with futures, offering the case's subprotocols through
 * {@link WebSocketConnectOptions#setSubProtocols} (none set when it offers none). The subprotocol reported is
 * {@code WebSocket.subProtocol()}, null meaning none. Only API present in 4.5 and 5.x is used.
 */
public final class VertxDriver extends Driver {
    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client = vertx.createWebSocketClient();

    public static void main(String[] args) throws Exception {
        new VertxDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(uri);
        if (c.offer != null) {
            options.setSubProtocols(c.offerList());
        }
        WebSocket ws = await(client.connect(options).toCompletionStage().toCompletableFuture());
        try {
            CompletableFuture<String> echo = new CompletableFuture<>();
            ws.textMessageHandler(echo::complete);
            ws.exceptionHandler(echo::completeExceptionally);
            ws.closeHandler(v -> echo.completeExceptionally(new IllegalStateException("connection closed")));
            await(ws.writeTextMessage(MESSAGE).toCompletionStage().toCompletableFuture());
            return ok(ws.subProtocol(), await(echo));
        } finally {
            await(ws.close().toCompletionStage().toCompletableFuture());
        }
    }

    @Override
    protected void shutdown() throws Exception {
        await(client.close().toCompletionStage().toCompletableFuture());
        await(vertx.close().toCompletionStage().toCompletableFuture());
    }
}
