package dev.wssubprotocol.it.driver;

import io.helidon.webclient.websocket.WsClient;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Helidon 4's WebSocket client ({@code io.helidon.webclient.websocket.WsClient}, artifact
 * {@code io.helidon.webclient:helidon-webclient-websocket}): the subprotocols go to the client's protocol config, the
 * handshake runs in {@code connect}, and the application reads {@code WsSession.subProtocol()}, an
 * {@code Optional<String>}, printed as it is.
 *
 * <p>Not compiled by Maven: Helidon 4's class files are Java 21 (major 65), which the build's JDK 17 javac cannot
 * read. The test compiles this source with the javac of the JDK it runs on (21 or later), against the version it
 * runs (HelidonIT).
 */
public final class HelidonDriver extends Driver {
    public static void main(String[] args) throws Exception {
        new HelidonDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WsClient client = WsClient.builder()
                .protocolConfig(protocol -> protocol.subProtocols(c.offerList()))
                .build();
        final CompletableFuture<WsSession> opened = new CompletableFuture<WsSession>();
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        client.connect(URI.create(uri), new WsListener() {
            @Override
            public void onOpen(WsSession session) {
                opened.complete(session);
            }

            @Override
            public void onMessage(WsSession session, String text, boolean last) {
                echo.complete(text);
            }

            @Override
            public void onError(WsSession session, Throwable t) {
                opened.completeExceptionally(t);
                echo.completeExceptionally(t);
            }

            @Override
            public void onClose(WsSession session, int status, String reason) {
                opened.completeExceptionally(new IllegalStateException("closed: " + status + " " + reason));
                echo.completeExceptionally(new IllegalStateException("closed: " + status + " " + reason));
            }
        });
        WsSession session = await(opened);
        try {
            session.send(MESSAGE, true);
            return okShown(String.valueOf(session.subProtocol()), await(echo));
        } finally {
            session.close(1000, "done");
        }
    }
}
