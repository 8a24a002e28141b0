package dev.wssubprotocol.it.driver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The JDK's own {@link java.net.http.WebSocket} (java.net.http, JDK 11+), offering the case's subprotocols through
 * {@link WebSocket.Builder#subprotocols}. The subprotocol reported is {@link WebSocket#getSubprotocol()}, which is
 * "" when none was selected.
 */
public final class JdkHttpClientDriver extends Driver {
    private final HttpClient client = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        new JdkHttpClientDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocket.Builder builder = client.newWebSocketBuilder();
        List<String> offer = c.offerList();
        if (!offer.isEmpty()) {
            builder.subprotocols(offer.get(0), offer.subList(1, offer.size()).toArray(new String[0]));
        }
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket ws = await(builder.buildAsync(URI.create(uri), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    echo.complete(text.toString());
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                echo.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                echo.completeExceptionally(error);
            }
        }));
        try {
            await(ws.sendText(MESSAGE, true));
            String text = await(echo);
            await(ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
            return ok(ws.getSubprotocol(), text);
        } finally {
            ws.abort();
        }
    }
}
