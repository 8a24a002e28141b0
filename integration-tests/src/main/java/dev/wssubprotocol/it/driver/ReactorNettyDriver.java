package dev.wssubprotocol.it.driver;

import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import java.time.Duration;

/**
 * Reactor Netty's HTTP client: {@code HttpClient.websocket(spec).uri(uri).handle(...)}, offering the case's
 * subprotocols through {@link WebsocketClientSpec} (none set when it offers none). The subprotocol reported is
 * the inbound's {@code selectedSubprotocol()}, null meaning none. Only API present from 1.0 to 1.2 is used.
 */
public final class ReactorNettyDriver extends Driver {
    public static void main(String[] args) throws Exception {
        new ReactorNettyDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) {
        WebsocketClientSpec.Builder spec = WebsocketClientSpec.builder();
        if (c.offer != null) {
            spec.protocols(c.offer);
        }
        String outcome = HttpClient.create()
                .websocket(spec.build())
                .uri(uri)
                .handle((in, out) -> out.sendString(Mono.just(MESSAGE)).then()
                        .thenMany(in.receive().asString().take(1))
                        .map(text -> ok(in.selectedSubprotocol(), text)))
                .blockLast(Duration.ofSeconds(TIMEOUT_SECONDS));
        if (outcome == null) {
            throw new IllegalStateException("connection closed without an echo");
        }
        return outcome;
    }

    @Override
    protected void shutdown() {
        HttpResources.disposeLoopsAndConnections();
    }
}
