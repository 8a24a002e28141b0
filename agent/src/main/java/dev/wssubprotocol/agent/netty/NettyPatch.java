package dev.wssubprotocol.agent.netty;

import dev.wssubprotocol.agent.patch.Patch;

/**
 * Netty 4.0.24.Final through 4.2.x, and everything built on it (Reactor Netty, Spring WebFlux, Vert.x,
 * Micronaut, ...).
 * <p>
 * Upstream: {@code io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker#finishHandshake(Channel,
 * FullHttpResponse)}, a final method that, after {@code verify(response)}, compares the response's
 * {@code Sec-WebSocket-Protocol} with the comma-separated {@code expectedSubprotocol} (a final field) and throws
 * "Invalid subprotocol. Actual: null. Expected one of: ..." when subprotocols were offered and none came back
 * ({@code WebSocketHandshakeException} up to 4.1.53, {@code WebSocketClientHandshakeException} from 4.1.54).
 * Checked in the sources of 4.0.24, 4.0.56, 4.1.0, 4.1.54 and the bytecode of 4.1.140 and 4.2.20.
 */
public final class NettyPatch {
    public static final Patch PATCH = Patch.of("netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            "finishHandshake",
            new String[] {"io.netty.channel.Channel", "io.netty.handler.codec.http.FullHttpResponse"},
            "dev.wssubprotocol.agent.netty.NettyAdvice")
            .relocatable("io/netty/");

    private NettyPatch() {
    }
}
