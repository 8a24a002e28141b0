package dev.wssubprotocol.it.driver;

import com.linecorp.armeria.client.websocket.WebSocketClient;
import com.linecorp.armeria.client.websocket.WebSocketClientBuilder;
import com.linecorp.armeria.client.websocket.WebSocketSession;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketFrameType;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Armeria's WebSocket client ({@code com.linecorp.armeria:armeria}, from 1.24): the subprotocols go to the
 * builder; the application reads {@code WebSocketSession.subprotocol()}. Java 8.
 */
public final class ArmeriaDriver extends Driver {
    public static void main(String[] args) throws Exception {
        new ArmeriaDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        URI address = URI.create(uri);
        WebSocketClientBuilder builder = WebSocketClient.builder("ws://" + address.getHost() + ":" + address.getPort());
        if (c.offer != null) {
            builder.subprotocols(c.offerList().toArray(new String[0]));
        }
        WebSocketSession session = await(builder.build().connect(address.getPath()));
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        session.inbound().subscribe(new Subscriber<WebSocketFrame>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(WebSocketFrame frame) {
                if (frame.type() == WebSocketFrameType.TEXT) {
                    echo.complete(frame.text());
                }
            }

            @Override
            public void onError(Throwable t) {
                echo.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                echo.completeExceptionally(new IllegalStateException("closed"));
            }
        });
        WebSocketWriter out = session.outbound();
        try {
            out.write(MESSAGE);
            return ok(session.subprotocol(), await(echo));
        } finally {
            out.close();
        }
    }
}
