package dev.wssubprotocol.it.driver;

import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import java.time.Duration;

/**
 * Reactor Netty's HTTP client: {@code HttpClient.websocket(spec).uri(uri).handle(...)}, offering the case's
 * subprotocols through {@link WebsocketClientSpec} (none set when it offers none). The subprotocol reported is
 * the inbound's {@code selectedSubprotocol()}, null meaning none. Modes: {@code default}, HTTP/1.1 against the
 * raw and library servers (API present from 1.0 on); {@code http2}, WebSockets over cleartext HTTP/2 (RFC 8441,
 * {@code protocol(HttpProtocol.H2C)}, 1.2.5 and later) against the HTTP/2 server given as fourth argument.
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
        HttpClient client = "http2".equals(mode) ? HttpClient.create().protocol(HttpProtocol.H2C) : HttpClient.create();
        String outcome;
        try {
            outcome = client
                    .websocket(spec.build())
                    .uri(uri)
                    .handle((in, out) -> {
                        Seen.headers(c, mode, in.headers()); // the response's headers, as the application reads them
                        return out.sendString(Mono.just(MESSAGE)).then()
                                .thenMany(in.receive().asString().take(1))
                                .map(text -> ok(in.selectedSubprotocol(), text));
                    })
                    .blockLast(Duration.ofSeconds(TIMEOUT_SECONDS));
        } catch (RuntimeException failed) {
            Seen.headers(c, mode, responseHeaders(failed));
            throw failed;
        }
        if (outcome == null) {
            throw new IllegalStateException("connection closed without an echo");
        }
        return outcome;
    }

    /**
     * A failed handshake's response headers, as the application reads them from the exception (Netty's
     * {@code WebSocketClientHandshakeException#response()}, 4.1.54 and later), found by reflection; or null.
     */
    private static Iterable<?> responseHeaders(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            try {
                Object response = cause.getClass().getMethod("response").invoke(cause);
                if (response != null) {
                    return (Iterable<?>) response.getClass().getMethod("headers").invoke(response);
                }
            } catch (ReflectiveOperationException | RuntimeException notThisOne) {
                // no response on this cause
            }
        }
        return null;
    }

    @Override
    protected String uri(Case c, String mode, String[] args) {
        return "http2".equals(mode) ? args[3] + c.path : super.uri(c, mode, args);
    }

    @Override
    protected void shutdown() {
        HttpResources.disposeLoopsAndConnections();
    }
}
