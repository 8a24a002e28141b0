package dev.wssubprotocol.it.driver;

import io.netty5.bootstrap.Bootstrap;
import io.netty5.channel.Channel;
import io.netty5.channel.ChannelHandler;
import io.netty5.channel.ChannelHandlerContext;
import io.netty5.channel.ChannelInitializer;
import io.netty5.channel.EventLoopGroup;
import io.netty5.channel.MultithreadEventLoopGroup;
import io.netty5.channel.SimpleChannelInboundHandler;
import io.netty5.channel.nio.NioHandler;
import io.netty5.channel.socket.SocketChannel;
import io.netty5.channel.socket.nio.NioSocketChannel;
import io.netty5.handler.codec.http.FullHttpResponse;
import io.netty5.handler.codec.http.HttpClientCodec;
import io.netty5.handler.codec.http.HttpObjectAggregator;
import io.netty5.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty5.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty5.handler.codec.http.websocketx.WebSocketClientHandshakeCompletionEvent;
import io.netty5.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty5.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty5.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty5.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Netty 5's client API ({@code io.netty5}), in the two modes of {@link NettyDriver}: {@code handshaker} drives the
 * {@link WebSocketClientHandshaker} by hand; {@code protocol-handler} uses {@link WebSocketClientProtocolHandler}.
 * Both build the handshaker from a {@link WebSocketClientProtocolConfig}, which keeps header types out of this
 * class. Compiled against Alpha5; Alpha3 and Alpha4 name the buffer package {@code io.netty5.buffer.api}, and the
 * tests move this class onto it (support/Relocation).
 */
public final class Netty5Driver extends Driver {
    private final EventLoopGroup group = new MultithreadEventLoopGroup(1, NioHandler.newFactory());

    public static void main(String[] args) throws Exception {
        new Netty5Driver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketClientProtocolHandler protocol = new WebSocketClientProtocolHandler(
                WebSocketClientProtocolConfig.newBuilder().webSocketUri(URI.create(uri)).subprotocol(c.offer).build());
        WebSocketClientHandshaker handshaker = protocol.handshaker();
        CompletableFuture<String> handshake = new CompletableFuture<>();
        CompletableFuture<String> echo = new CompletableFuture<>();
        // the handshake response as the application holds it, to show its headers after the handshake (Seen)
        AtomicReference<FullHttpResponse> response = new AtomicReference<>();
        boolean protocolHandler = "protocol-handler".equals(mode);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator<>(65536));
                        if (protocolHandler) {
                            ch.pipeline().addLast(keep(response), protocol);
                        }
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<Object>() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                                if (!protocolHandler) {
                                    handshaker.handshake(ctx.channel());
                                }
                                ctx.fireChannelActive();
                            }

                            @Override
                            public void channelInboundEvent(ChannelHandlerContext ctx, Object evt) {
                                if (evt instanceof WebSocketClientHandshakeCompletionEvent) {
                                    WebSocketClientHandshakeCompletionEvent done = (WebSocketClientHandshakeCompletionEvent) evt;
                                    if (done.isSuccess()) {
                                        handshake.complete(handshaker.actualSubprotocol());
                                    } else {
                                        handshake.completeExceptionally(done.cause());
                                    }
                                }
                                ctx.fireChannelInboundEvent(evt);
                            }

                            @Override
                            protected void messageReceived(ChannelHandlerContext ctx, Object msg) {
                                if (!protocolHandler && !handshaker.isHandshakeComplete()) {
                                    response.compareAndSet(null, (FullHttpResponse) msg);
                                    handshaker.finishHandshake(ctx.channel(), (FullHttpResponse) msg);
                                    handshake.complete(handshaker.actualSubprotocol());
                                } else if (msg instanceof TextWebSocketFrame) {
                                    echo.complete(((TextWebSocketFrame) msg).text());
                                }
                            }

                            @Override
                            public void channelExceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                handshake.completeExceptionally(cause);
                                echo.completeExceptionally(cause);
                                ctx.close();
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                IllegalStateException closed = new IllegalStateException("connection closed");
                                handshake.completeExceptionally(closed);
                                echo.completeExceptionally(closed);
                            }
                        });
                    }
                });
        URI target = URI.create(uri);
        Channel channel = bootstrap.connect(target.getHost(), target.getPort()).asStage().get();
        try {
            String subprotocol;
            try {
                subprotocol = await(handshake);
            } finally {
                Seen.headers(c, mode, headers(response.get()));
            }
            channel.writeAndFlush(new TextWebSocketFrame(channel.bufferAllocator(), MESSAGE));
            String text = await(echo);
            channel.writeAndFlush(new CloseWebSocketFrame(channel.bufferAllocator(), WebSocketCloseStatus.NORMAL_CLOSURE));
            return ok(subprotocol, text);
        } finally {
            channel.close().asStage().await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Keeps the first response that passes, as an application's handler before the protocol handler could. */
    private static ChannelHandler keep(AtomicReference<FullHttpResponse> response) {
        return new ChannelHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof FullHttpResponse) {
                    response.compareAndSet(null, (FullHttpResponse) msg);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** The response's headers; by reflection, as their type differs between the alphas. */
    private static Iterable<?> headers(FullHttpResponse response) throws Exception {
        return response == null ? null : (Iterable<?>) FullHttpResponse.class.getMethod("headers").invoke(response);
    }

    @Override
    protected void shutdown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
