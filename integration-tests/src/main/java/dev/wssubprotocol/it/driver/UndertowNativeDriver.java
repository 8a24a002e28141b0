package dev.wssubprotocol.it.driver;

import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.client.WebSocketClientNegotiation;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Undertow's own WebSocket client ({@code io.undertow.websockets.client.WebSocketClient}, in undertow-core), not its
 * JSR-356 layer: the subprotocols go in a {@code WebSocketClientNegotiation}; the application reads
 * {@code WebSocketChannel.getSubProtocol()}. Java 8.
 */
public final class UndertowNativeDriver extends Driver {
    private final XnioWorker worker;
    private final DefaultByteBufferPool buffers = new DefaultByteBufferPool(false, 8192);

    UndertowNativeDriver() throws IOException {
        worker = Xnio.getInstance(UndertowNativeDriver.class.getClassLoader()).createWorker(OptionMap.EMPTY);
    }

    public static void main(String[] args) throws Exception {
        new UndertowNativeDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketClient.ConnectionBuilder builder = WebSocketClient.connectionBuilder(worker, buffers, URI.create(uri));
        if (c.offer != null) {
            builder.setClientNegotiation(new WebSocketClientNegotiation(new ArrayList<String>(c.offerList()),
                    Collections.<WebSocketExtension>emptyList()));
        }
        IoFuture<WebSocketChannel> future = builder.connect();
        IoFuture.Status status = future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (status == IoFuture.Status.FAILED) {
            throw future.getException();
        } else if (status != IoFuture.Status.DONE) {
            future.cancel();
            throw new TimeoutException("no answer within " + TIMEOUT_SECONDS + " s");
        }
        WebSocketChannel channel = future.get();
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                echo.complete(message.getData());
            }

            @Override
            protected void onError(WebSocketChannel ch, Throwable error) {
                echo.completeExceptionally(error);
            }
        });
        channel.resumeReceives();
        try {
            WebSockets.sendText(MESSAGE, channel, null);
            return ok(channel.getSubProtocol(), await(echo));
        } finally {
            channel.sendClose();
            channel.close();
        }
    }

    @Override
    protected void shutdown() {
        worker.shutdownNow();
    }
}
