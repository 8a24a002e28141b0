package dev.wssubprotocol.it.driver;

import com.ning.http.client.AsyncHttpClient;
import com.ning.http.client.AsyncHttpClient.BoundRequestBuilder;
import com.ning.http.client.ws.WebSocket;
import com.ning.http.client.ws.WebSocketTextListener;
import com.ning.http.client.ws.WebSocketUpgradeHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ning AsyncHttpClient 1.9 ({@code com.ning:async-http-client}, Netty 3 provider), the predecessor of
 * org.asynchttpclient: subprotocols are offered as a request header; the library has no API that reports the
 * subprotocol, so a connection is shown as {@code subprotocol=n/a}. Java 8.
 */
public final class NingAsyncHttpClientDriver extends Driver {
    private final AsyncHttpClient client = new AsyncHttpClient();

    public static void main(String[] args) throws Exception {
        new NingAsyncHttpClientDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        BoundRequestBuilder request = client.prepareGet(uri);
        if (c.offer != null) {
            request.addHeader("Sec-WebSocket-Protocol", c.offer);
        }
        WebSocket socket = request.execute(new WebSocketUpgradeHandler.Builder()
                .addWebSocketListener(new WebSocketTextListener() {
                    @Override
                    public void onMessage(String message) {
                        echo.complete(message);
                    }

                    @Override
                    public void onOpen(WebSocket ws) {
                    }

                    @Override
                    public void onClose(WebSocket ws) {
                        echo.completeExceptionally(new IllegalStateException("closed"));
                    }

                    @Override
                    public void onError(Throwable t) {
                        echo.completeExceptionally(t);
                    }
                }).build()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            socket.sendMessage(MESSAGE);
            return okShown("n/a", await(echo));
        } finally {
            socket.close();
        }
    }

    @Override
    protected void shutdown() {
        client.close();
    }
}
