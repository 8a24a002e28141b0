package dev.wssubprotocol.it.driver;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.util.concurrent.CompletableFuture;

/**
 * OkHttp's WebSocket client. OkHttp has no subprotocol option: the client offers by setting the
 * Sec-WebSocket-Protocol request header, and the application learns the selection from the upgrade response's
 * header, which is what is reported (null when the server sent none). Only API present in 3.14, 4.x and 5.x.
 */
public final class OkHttpDriver extends Driver {
    private final OkHttpClient client = new OkHttpClient();

    public static void main(String[] args) throws Exception {
        new OkHttpDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        Request.Builder request = new Request.Builder().url(uri);
        if (c.offer != null) {
            request.header("Sec-WebSocket-Protocol", c.offer);
        }
        CompletableFuture<String> open = new CompletableFuture<>();
        CompletableFuture<String> echo = new CompletableFuture<>();
        // each case with its own connection pool: OkHttp may pool the connection of a failed upgrade, which the
        // test server has already switched to WebSocket frames, and send the next case's request on it
        OkHttpClient caseClient = client.newBuilder().connectionPool(new ConnectionPool()).build();
        WebSocket ws = caseClient.newWebSocket(request.build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                open.complete(response.header("Sec-WebSocket-Protocol"));
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                echo.complete(text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                IllegalStateException closed = new IllegalStateException("closed " + code + " " + reason);
                open.completeExceptionally(closed);
                echo.completeExceptionally(closed);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                open.completeExceptionally(t);
                echo.completeExceptionally(t);
            }
        });
        try {
            String subprotocol = await(open);
            ws.send(MESSAGE);
            return ok(subprotocol, await(echo));
        } finally {
            ws.close(1000, null);
        }
    }

    @Override
    protected void shutdown() throws Exception {
        client.dispatcher().executorService().shutdown();
    }
}
