package dev.wssubprotocol.it.driver;

import org.jboss.netty.bootstrap.ClientBootstrap;
import org.jboss.netty.channel.Channel;
import org.jboss.netty.channel.ChannelHandlerContext;
import org.jboss.netty.channel.ChannelPipeline;
import org.jboss.netty.channel.ChannelPipelineFactory;
import org.jboss.netty.channel.Channels;
import org.jboss.netty.channel.ExceptionEvent;
import org.jboss.netty.channel.MessageEvent;
import org.jboss.netty.channel.SimpleChannelUpstreamHandler;
import org.jboss.netty.channel.socket.nio.NioClientSocketChannelFactory;
import org.jboss.netty.handler.codec.http.HttpRequestEncoder;
import org.jboss.netty.handler.codec.http.HttpResponse;
import org.jboss.netty.handler.codec.http.HttpResponseDecoder;
import org.jboss.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.jboss.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jboss.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import org.jboss.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import org.jboss.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Netty 3 ({@code io.netty:netty}, package {@code org.jboss.netty}): the RFC 6455 handshaker driven by hand, as its
 * own example client does. The subprotocol the application sees is {@code getActualSubprotocol()}. Java 8.
 */
public final class Netty3Driver extends Driver {
    private final NioClientSocketChannelFactory factory = new NioClientSocketChannelFactory(
            Executors.newCachedThreadPool(), Executors.newCachedThreadPool());

    public static void main(String[] args) throws Exception {
        new Netty3Driver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        URI address = URI.create(uri);
        final WebSocketClientHandshaker handshaker = new WebSocketClientHandshakerFactory().newHandshaker(
                address, WebSocketVersion.V13, c.offer, false, new HashMap<String, String>());
        final CompletableFuture<Void> open = new CompletableFuture<Void>();
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        ClientBootstrap bootstrap = new ClientBootstrap(factory);
        bootstrap.setPipelineFactory(new ChannelPipelineFactory() {
            @Override
            public ChannelPipeline getPipeline() {
                ChannelPipeline pipeline = Channels.pipeline();
                pipeline.addLast("decoder", new HttpResponseDecoder());
                pipeline.addLast("encoder", new HttpRequestEncoder());
                pipeline.addLast("handler", new SimpleChannelUpstreamHandler() {
                    @Override
                    public void messageReceived(ChannelHandlerContext ctx, MessageEvent e) {
                        Object message = e.getMessage();
                        if (!handshaker.isHandshakeComplete()) {
                            try {
                                handshaker.finishHandshake(ctx.getChannel(), (HttpResponse) message);
                                open.complete(null);
                            } catch (RuntimeException failed) {
                                open.completeExceptionally(failed);
                            }
                        } else if (message instanceof TextWebSocketFrame) {
                            echo.complete(((TextWebSocketFrame) message).getText());
                        } else if (message instanceof CloseWebSocketFrame) {
                            echo.completeExceptionally(new IllegalStateException("closed"));
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, ExceptionEvent e) {
                        open.completeExceptionally(e.getCause());
                        echo.completeExceptionally(e.getCause());
                    }
                });
                return pipeline;
            }
        });
        Channel channel = bootstrap.connect(new InetSocketAddress(address.getHost(), address.getPort()))
                .awaitUninterruptibly().getChannel();
        try {
            handshaker.handshake(channel).syncUninterruptibly();
            await(open);
            channel.write(new TextWebSocketFrame(MESSAGE));
            String text = await(echo);
            return ok(handshaker.getActualSubprotocol(), text);
        } finally {
            channel.close().awaitUninterruptibly();
        }
    }

    @Override
    protected void shutdown() {
        factory.releaseExternalResources();
    }
}
