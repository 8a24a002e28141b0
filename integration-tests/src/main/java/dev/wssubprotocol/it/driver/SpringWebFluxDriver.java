package dev.wssubprotocol.it.driver;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spring WebFlux's {@link ReactorNettyWebSocketClient} (on Reactor Netty, on Netty's handshaker), the way Spring
 * offers subprotocols: the handler's {@link WebSocketHandler#getSubProtocols()} (empty when the case offers none).
 * The subprotocol reported is {@code session.getHandshakeInfo().getSubProtocol()}, null meaning none.
 *
 * <p>One client per case: the client's constructors keep one {@code WebsocketClientSpec.Builder} (it is its own
 * {@code Supplier}) and {@code execute} only ever adds protocols to it, so a client that once offered
 * {@code chat, superchat} offers them again for a handler that offers none (seen with 6.2.19). A fresh client
 * sends exactly what the case's handler offers.
 */
public final class SpringWebFluxDriver extends Driver {
    public static void main(String[] args) throws Exception {
        new SpringWebFluxDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) {
        AtomicReference<String> outcome = new AtomicReference<>();
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return c.offerList();
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return session.send(Mono.just(session.textMessage(MESSAGE)))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(1))
                        .doOnNext(text -> outcome.set(ok(session.getHandshakeInfo().getSubProtocol(), text)))
                        .then();
            }
        };
        new ReactorNettyWebSocketClient().execute(URI.create(uri), handler).block(Duration.ofSeconds(TIMEOUT_SECONDS));
        if (outcome.get() == null) {
            throw new IllegalStateException("connection closed without an echo");
        }
        return outcome.get();
    }

    @Override
    protected void shutdown() {
        HttpResources.disposeLoopsAndConnections();
    }
}
