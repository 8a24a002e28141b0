package dev.wssubprotocol.it.driver;

import javax.websocket.ClientEndpointConfig;
import javax.websocket.CloseReason;
import javax.websocket.ContainerProvider;
import javax.websocket.Endpoint;
import javax.websocket.EndpointConfig;
import javax.websocket.MessageHandler;
import javax.websocket.Session;
import javax.websocket.WebSocketContainer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The JSR-356 client API, javax namespace, with whichever implementation is on the class path (Tyrus 1.x,
 * Tomcat 9, Undertow 2.2, Jetty 9.4 and 10), found by {@link ContainerProvider} as an application finds it; the
 * container's class is printed on stderr ({@code CONTAINER <class>}). Offers with
 * {@link ClientEndpointConfig.Builder#preferredSubprotocols}; the subprotocol reported is
 * {@link Session#getNegotiatedSubprotocol()}. Only the 1.0 API is used. {@link JakartaWebSocketDriver} is the
 * same driver for the jakarta namespace.
 */
public final class JavaxWebSocketDriver extends Driver {
    private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();

    public static void main(String[] args) throws Exception {
        JavaxWebSocketDriver driver = new JavaxWebSocketDriver();
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
