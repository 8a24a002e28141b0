package dev.wssubprotocol.it.driver;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Java-WebSocket's client. Offering subprotocols means a {@link Draft_6455} that lists them; offering none means
 * the default draft (whose only protocol is the library's {@code Protocol("")}). The subprotocol reported is the
 * draft's {@code getProtocol().getProvidedProtocol()}, "" meaning none. Only API present from 1.3.7 to 1.6.0.
 */
public final class JavaWebSocketDriver extends Driver {
    public static void main(String[] args) throws Exception {
        new JavaWebSocketDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        Draft_6455 draft;
        if (c.offer == null) {
            draft = new Draft_6455();
        } else {
            List<IProtocol> protocols = new ArrayList<>();
            for (String name : c.offerList()) {
                protocols.add(new Protocol(name));
            }
            draft = new Draft_6455(Collections.<IExtension>emptyList(), protocols);
        }
        CompletableFuture<Void> open = new CompletableFuture<>();
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocketClient client = new WebSocketClient(URI.create(uri), draft) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                open.complete(null);
            }

            @Override
            public void onMessage(String message) {
                echo.complete(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                IllegalStateException closed = new IllegalStateException("closed " + code + " " + reason);
                open.completeExceptionally(closed);
                echo.completeExceptionally(closed);
            }

            @Override
            public void onError(Exception ex) {
                open.completeExceptionally(ex);
                echo.completeExceptionally(ex);
            }
        };
        client.connect();
        try {
            try {
                await(open);
            } finally {
                // the draft that took part in the handshake: its protocols must be the application's own again
                List<String> known = new ArrayList<>();
                for (IProtocol protocol : ((Draft_6455) client.getConnection().getDraft()).getKnownProtocols()) {
                    known.add(protocol.getProvidedProtocol());
                }
                Seen.protocols(c, mode, known);
            }
            client.send(MESSAGE);
            String text = await(echo);
            // the connection's own copy of the draft, which took part in the handshake
            return ok(((Draft_6455) client.getConnection().getDraft()).getProtocol().getProvidedProtocol(), text);
        } finally {
            client.closeBlocking();
        }
    }
}
