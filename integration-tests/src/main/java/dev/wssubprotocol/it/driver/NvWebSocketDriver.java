package dev.wssubprotocol.it.driver;

import com.neovisionaries.ws.client.WebSocket;
import com.neovisionaries.ws.client.WebSocketAdapter;
import com.neovisionaries.ws.client.WebSocketException;
import com.neovisionaries.ws.client.WebSocketFactory;
import com.neovisionaries.ws.client.WebSocketFrame;

import java.util.concurrent.CompletableFuture;

/**
 * nv-websocket-client ({@code com.neovisionaries}), offering with {@link WebSocket#addProtocol} and connecting
 * synchronously. The subprotocol reported is {@link WebSocket#getAgreedProtocol()}, null when none was selected.
 * Only API present from 1.3 to 2.x is used.
 */
public final class NvWebSocketDriver extends Driver {
    private final WebSocketFactory factory = new WebSocketFactory();

    public static void main(String[] args) throws Exception {
        new NvWebSocketDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocket ws = factory.createSocket(uri);
        for (String protocol : c.offerList()) {
            ws.addProtocol(protocol);
        }
        CompletableFuture<String> echo = new CompletableFuture<>();
        ws.addListener(new WebSocketAdapter() {
            @Override
            public void onTextMessage(WebSocket websocket, String text) {
                echo.complete(text);
            }

            @Override
            public void onError(WebSocket websocket, WebSocketException cause) {
                echo.completeExceptionally(cause);
            }

            @Override
            public void onDisconnected(WebSocket websocket, WebSocketFrame serverCloseFrame,
                                       WebSocketFrame clientCloseFrame, boolean closedByServer) {
                echo.completeExceptionally(new IllegalStateException("disconnected"));
            }
        });
        try {
            ws.connect();
            ws.sendText(MESSAGE);
            return ok(ws.getAgreedProtocol(), await(echo));
        } finally {
            ws.disconnect();
        }
    }
}
