package dev.wssubprotocol.it.driver;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The JSR-356 client API, jakarta namespace, with whichever implementation is on the class path (Tyrus 2.x,
 * Tomcat 10.1 and 11, Undertow 2.3, Jetty 11 and 12), found by {@link ContainerProvider} as an application finds
 * it; the container's class is printed on stderr ({@code CONTAINER <class>}). Offers with
 * {@link ClientEndpointConfig.Builder#preferredSubprotocols}; the subprotocol reported is
 * {@link Session#getNegotiatedSubprotocol()}. Only the 2.0 API is used. {@link JavaxWebSocketDriver} is the
 * same driver for the javax namespace.
 */
public final class JakartaWebSocketDriver extends Driver {
    private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();

    public static void main(String[] args) throws Exception {
        JakartaWebSocketDriver driver = new JakartaWebSocketDriver();
        System.err.println("CONTAINER " + driver.container.getClass().getName());
        driver.run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(c.offerList()).build();
        CompletableFuture<String> echo = new CompletableFuture<>();
        Session session = container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig endpointConfig) {
                s.addMessageHandler(new MessageHandler.Whole<String>() {
                    @Override
                    public void onMessage(String text) {
                        echo.complete(text);
                    }
                });
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                echo.completeExceptionally(new IllegalStateException(
                        "closed " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase()));
            }

            @Override
            public void onError(Session s, Throwable t) {
                echo.completeExceptionally(t);
            }
        }, config, URI.create(uri));
        try {
            session.getBasicRemote().sendText(MESSAGE);
            return ok(session.getNegotiatedSubprotocol(), await(echo));
        } finally {
            session.close();
        }
    }
}
