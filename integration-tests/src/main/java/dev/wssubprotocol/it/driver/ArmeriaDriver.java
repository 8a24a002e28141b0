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
 * Modes: {@code default} connects to {@code ws://host:port}; {@code h1c} to {@code ws+h1c://host:port}, the scheme
 * that tells Armeria to speak HTTP/1.1 only. In 1.40.0, {@code ws://} first tries HTTP/2 on each new connection:
 * the connection preface, then, when that fails, an {@code OPTIONS * ... Upgrade: h2c} request on a new connection
 * (1.25.0 to 1.37.0 send only the preface), and only then the WebSocket upgrade; a server that speaks WebSocket over
 * HTTP/1.1 only is reached with {@code ws+h1c}.
 */
public final class ArmeriaDriver extends Driver {
    public static void main(String[] args) throws Exception {
        new ArmeriaDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        URI address = URI.create(uri);
        String scheme = "h1c".equals(mode) ? "ws+h1c" : "ws";
        WebSocketClientBuilder builder =
                WebSocketClient.builder(scheme + "://" + address.getHost() + ":" + address.getPort());
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
