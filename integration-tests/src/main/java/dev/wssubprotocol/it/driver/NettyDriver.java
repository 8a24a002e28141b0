package dev.wssubprotocol.it.driver;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Netty's own client API, in two modes: {@code handshaker} drives {@link WebSocketClientHandshaker} by hand as
 * Netty's example client does; {@code protocol-handler} uses {@link WebSocketClientProtocolHandler}.
 * Only API present from 4.0 to 4.2 is used.
 */
public final class NettyDriver extends Driver {
    private final EventLoopGroup group = new NioEventLoopGroup(1);

    public static void main(String[] args) throws Exception {
        new NettyDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                URI.create(uri), WebSocketVersion.V13, c.offer, false, new DefaultHttpHeaders());
        CompletableFuture<String> handshake = new CompletableFuture<>();
        CompletableFuture<String> echo = new CompletableFuture<>();
        // the handshake response as the application holds it, to show its headers after the handshake (Seen)
        AtomicReference<FullHttpResponse> response = new AtomicReference<>();
        boolean protocolHandler = "protocol-handler".equals(mode);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536));
                        if (protocolHandler) {
                            ch.pipeline().addLast(keep(response), new WebSocketClientProtocolHandler(handshaker));
                        }
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<Object>() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                                if (!protocolHandler) {
                                    handshaker.handshake(ctx.channel());
                                }
                                super.channelActive(ctx);
                            }

                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                                if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                                    handshake.complete(handshaker.actualSubprotocol());
                                }
                                super.userEventTriggered(ctx, evt);
                            }

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
                                if (!protocolHandler && !handshaker.isHandshakeComplete()) {
                                    response.compareAndSet(null, (FullHttpResponse) msg);
                                    handshaker.finishHandshake(ctx.channel(), (FullHttpResponse) msg);
                                    handshake.complete(handshaker.actualSubprotocol());
                                } else if (msg instanceof TextWebSocketFrame) {
                                    echo.complete(((TextWebSocketFrame) msg).text());
                                }
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
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
        Channel channel = bootstrap.connect(target.getHost(), target.getPort()).sync().channel();
        try {
            String subprotocol;
            try {
                subprotocol = await(handshake);
            } finally {
                FullHttpResponse seen = response.get();
                Seen.headers(c, mode, seen == null ? null : seen.headers());
            }
            channel.writeAndFlush(new TextWebSocketFrame(MESSAGE));
            String text = await(echo);
            channel.writeAndFlush(new CloseWebSocketFrame());
            return ok(subprotocol, text);
        } finally {
            channel.close().awaitUninterruptibly(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Keeps the first response that passes, as an application's handler before the protocol handler could. */
    private static ChannelInboundHandlerAdapter keep(AtomicReference<FullHttpResponse> response) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof FullHttpResponse) {
                    response.compareAndSet(null, (FullHttpResponse) msg);
                }
                super.channelRead(ctx, msg);
            }
        };
    }

    @Override
    protected void shutdown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
