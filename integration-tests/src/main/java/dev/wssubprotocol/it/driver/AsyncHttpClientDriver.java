package dev.wssubprotocol.it.driver;

import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.BoundRequestBuilder;
import org.asynchttpclient.Dsl;
import org.asynchttpclient.ws.WebSocket;
import org.asynchttpclient.ws.WebSocketListener;
import org.asynchttpclient.ws.WebSocketUpgradeHandler;

import java.util.concurrent.CompletableFuture;

/**
 * AsyncHttpClient's WebSocket upgrade ({@code org.asynchttpclient}, on Netty). It has no subprotocol option: the
 * client offers by setting the Sec-WebSocket-Protocol request header, and the application reads the selection
 * from {@link WebSocket#getUpgradeHeaders()}, which is what is reported (null when the server sent none).
 * Only API present in 2.12 and 3.0 is used.
 */
public final class AsyncHttpClientDriver extends Driver {
    private final AsyncHttpClient client = Dsl.asyncHttpClient();

    public static void main(String[] args) throws Exception {
        new AsyncHttpClientDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        BoundRequestBuilder request = client.prepareGet(uri);
        if (c.offer != null) {
            request.addHeader("Sec-WebSocket-Protocol", c.offer);
        }
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket ws = await(request.execute(new WebSocketUpgradeHandler.Builder().addWebSocketListener(
                new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket websocket) {
                    }

                    @Override
                    public void onTextFrame(String payload, boolean finalFragment, int rsv) {
                        echo.complete(payload);
                    }

                    @Override
                    public void onClose(WebSocket websocket, int code, String reason) {
                        echo.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
                    }

                    @Override
                    public void onError(Throwable t) {
                        echo.completeExceptionally(t);
                    }
                }).build()).toCompletableFuture());
        try {
            ws.sendTextFrame(MESSAGE);
            return ok(ws.getUpgradeHeaders().get("Sec-WebSocket-Protocol"), await(echo));
        } finally {
            ws.sendCloseFrame();
        }
    }

    @Override
    protected void shutdown() throws Exception {
        client.close();
    }
}
