package dev.wssubprotocol.it.driver;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpClientFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOConnectorHandler;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.websockets.DataFrame;
import org.glassfish.grizzly.websockets.HandShake;
import org.glassfish.grizzly.websockets.HandshakeException;
import org.glassfish.grizzly.websockets.ProtocolHandler;
import org.glassfish.grizzly.websockets.SimpleWebSocket;
import org.glassfish.grizzly.websockets.Version;
import org.glassfish.grizzly.websockets.WebSocketClientFilter;
import org.glassfish.grizzly.websockets.WebSocketHolder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Grizzly's WebSocket client (grizzly-websockets 2.2 and later; 2.1.x had another client API): a transport with
 * Grizzly's HTTP client filter and WebSocket client filter, the handshake created by the RFC 6455 protocol
 * handler with the offered subprotocols in {@code setSubProtocol}. The subprotocol the application sees is the
 * handshake's {@code getSubProtocol()} after the handshake, a list ("[]" for none). A failed handshake is reported
 * with the HandshakeException Grizzly hands to {@code onHandshakeFailure}, or any other exception its filter chain
 * passes to {@code exceptionOccurred}. Grizzly's close path needs the Servlet API (provided scope in its pom): the
 * test puts it on the class path. Java 8.
 */
public final class GrizzlyDriver extends Driver {
    private final TCPNIOTransport transport;

    GrizzlyDriver() throws IOException {
        transport = TCPNIOTransportBuilder.newInstance().build();
        transport.start();
    }

    public static void main(String[] args) throws Exception {
        new GrizzlyDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        final URI address = URI.create(uri);
        final CompletableFuture<Void> open = new CompletableFuture<Void>();
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        final AtomicReference<HandShake> handshake = new AtomicReference<HandShake>();
        FilterChain chain = FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new BaseFilter() {
                    @Override
                    public void exceptionOccurred(FilterChainContext ctx, Throwable error) {
                        open.completeExceptionally(error);
                        echo.completeExceptionally(error);
                    }
                })
                .add(new HttpClientFilter())
                .add(new WebSocketClientFilter() {
                    @Override
                    protected void onHandshakeFailure(Connection connection, HandshakeException e) {
                        open.completeExceptionally(e); // Grizzly catches it and closes: the application's view
                        echo.completeExceptionally(e);
                        super.onHandshakeFailure(connection, e);
                    }
                })
                .build();
        final ProtocolHandler handler = Version.RFC6455.createHandler(true);
        final SimpleWebSocket socket = new SimpleWebSocket(handler) {
            @Override
            public void onConnect() {
                super.onConnect();
                open.complete(null);
            }

            @Override
            public void onMessage(String text) {
                echo.complete(text);
            }

            @Override
            public void onClose(DataFrame frame) {
                super.onClose(frame);
                IllegalStateException closed = new IllegalStateException("closed");
                open.completeExceptionally(closed);
                echo.completeExceptionally(closed);
            }
        };
        TCPNIOConnectorHandler connector = new TCPNIOConnectorHandler(transport) {
            @Override
            protected void preConfigure(Connection connection) {
                super.preConfigure(connection);
                handler.setConnection(connection);
                WebSocketHolder holder = WebSocketHolder.set(connection, handler, socket);
                HandShake shake = handler.createClientHandShake(address);
                if (c.offer != null) {
                    shake.setSubProtocol(new ArrayList<String>(c.offerList()));
                }
                holder.handshake = shake;
                handshake.set(shake);
            }
        };
        connector.setProcessor(chain);
        Connection<?> connection = connector.connect(new InetSocketAddress(address.getHost(), address.getPort()))
                .get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        try {
            await(open);
            socket.send(MESSAGE);
            String text = await(echo);
            List<String> chosen = handshake.get().getSubProtocol();
            return okShown(String.valueOf(chosen), text);
        } finally {
            connection.closeSilently();
        }
    }

    @Override
    protected void shutdown() throws Exception {
        transport.shutdownNow();
    }
}
