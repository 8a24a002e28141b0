package dev.wssubprotocol.it.driver;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Vert.x 3.9 core's {@code HttpClient.webSocket(WebSocketConnectOptions, handler)}, the callback API of the 3.x
 * line, offering the case's subprotocols through {@link WebSocketConnectOptions#setSubProtocols} (none set when it
 * offers none). The subprotocol reported is {@code WebSocket.subProtocol()}, null meaning none.
 *
 * <p>Compiled against vertx-core 4.5 and run on 3.9, so it calls only methods whose signature (return type
 * included) is the same in both: the callback forms of connect, write and close. The port goes in through the
 * options' JSON constructor because {@code setPort} takes an {@code int} in 3.9 and an {@code Integer} in 4.x.
 */
public final class Vertx3Driver extends Driver {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient();

    public static void main(String[] args) throws Exception {
        new Vertx3Driver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        URI target = URI.create(uri);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("host", target.getHost());
        address.put("port", target.getPort());
        WebSocketConnectOptions options = new WebSocketConnectOptions(new JsonObject(address))
                .setURI(target.getRawPath());
        if (c.offer != null) {
            options.setSubProtocols(c.offerList());
        }
        CompletableFuture<WebSocket> connected = new CompletableFuture<>();
        client.webSocket(options, complete(connected));
        WebSocket ws = await(connected);
        try {
            CompletableFuture<String> echo = new CompletableFuture<>();
            ws.textMessageHandler(echo::complete);
            ws.exceptionHandler(echo::completeExceptionally);
            ws.closeHandler(v -> echo.completeExceptionally(new IllegalStateException("connection closed")));
            CompletableFuture<Void> written = new CompletableFuture<>();
            ws.writeTextMessage(MESSAGE, complete(written));
            await(written);
            return ok(ws.subProtocol(), await(echo));
        } finally {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            ws.close(complete(closed));
            await(closed);
        }
    }

    private static <T> Handler<AsyncResult<T>> complete(CompletableFuture<T> future) {
        return result -> {
            if (result.succeeded()) {
                future.complete(result.result());
            } else {
                future.completeExceptionally(result.cause());
            }
        };
    }

    @Override
    protected void shutdown() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close(complete(closed));
        await(closed);
    }
}
