package dev.wssubprotocol.it.driver;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.websocket.WebSocketClient;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.ClientWebSocket;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Micronaut's {@link WebSocketClient} (on Netty's handshaker) with {@code @ClientWebSocket} endpoints, run in an
 * {@link ApplicationContext} as an application would. Micronaut offers subprotocols only through the annotation's
 * {@code subprotocol} attribute, so there are two endpoints: {@link Offering} ({@code chat, superchat}) and
 * {@link Plain} (none). The subprotocol reported is {@code WebSocketSession.getSubprotocol()}, an Optional.
 */
public final class MicronautDriver extends Driver {
    static final String OFFER = "chat, superchat";

    private final ApplicationContext context = ApplicationContext.run();

    public static void main(String[] args) throws Exception {
        new MicronautDriver().run(args);
    }

    /** What both endpoints do: keep the session, complete the echo with the first text message. */
    public abstract static class Endpoint implements AutoCloseable {
        final CompletableFuture<String> echo = new CompletableFuture<>();
        volatile WebSocketSession session;

        @OnOpen
        public void onOpen(WebSocketSession session) {
            this.session = session;
        }

        @OnMessage
        public void onMessage(String message) {
            echo.complete(message);
        }

        @OnError
        public void onError(Throwable error) {
            echo.completeExceptionally(error);
        }

        @OnClose
        public void onClose() {
            echo.completeExceptionally(new IllegalStateException("connection closed"));
        }
    }

    @ClientWebSocket(subprotocol = OFFER)
    public abstract static class Offering extends Endpoint {
    }

    @ClientWebSocket
    public abstract static class Plain extends Endpoint {
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        if (c.offer != null && !c.offer.equals(OFFER)) {
            throw new IllegalStateException("the endpoints offer \"" + OFFER + "\" or nothing, not " + c.offer);
        }
        Class<? extends Endpoint> type = c.offer == null ? Plain.class : Offering.class;
        URI target = URI.create(uri);
        URI origin = URI.create("http://" + target.getHost() + ":" + target.getPort());
        try (WebSocketClient client = context.createBean(WebSocketClient.class, LoadBalancer.fixed(origin))) {
            Endpoint endpoint = await(Mono.from(client.connect(type, HttpRequest.GET(target.getRawPath())))
                    .toFuture());
            try {
                await(Mono.from(endpoint.session.send(MESSAGE)).toFuture());
                return okShown(String.valueOf(endpoint.session.getSubprotocol()), await(endpoint.echo));
            } finally {
                endpoint.close();
            }
        }
    }

    @Override
    protected void shutdown() {
        context.close();
    }
}
