package dev.wssubprotocol.agent.netty;

import dev.wssubprotocol.agent.Hook;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code WebSocketClientHandshaker#finishHandshake(Channel, FullHttpResponse)}; see {@link NettyPatch}.
 * <p>
 * The trick: the check is inline in a final method and the offer sits in a final field, so the advice lets the
 * check see the first offered token as if the server had chosen it, then takes that back. The response's
 * headers end exactly as the server sent them, and {@code actualSubprotocol()} reports null, as for any
 * handshake without a subprotocol. Only String-keyed header methods are used: they exist from 4.0 to 4.2.
 */
public final class NettyAdvice {
    private NettyAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This WebSocketClientHandshaker handshaker,
                         @Advice.Argument(1) FullHttpResponse response,
                         @Advice.FieldValue("expectedSubprotocol") String offered) throws Exception {
        if (offered == null || response.headers().get("Sec-WebSocket-Protocol") != null) {
            return false;
        }
        String first = null;
        for (String token : offered.split(",")) {
            if (!token.trim().isEmpty()) {
                first = token.trim();
                break;
            }
        }
        if (first == null || !Boolean.TRUE.equals(
                Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                        .getMethod(Hook.RESCUE, String.class, String.class, String.class)
                        .invoke(null, "netty", String.valueOf(handshaker.uri()), offered))) {
            return false;
        }
        response.headers().set("Sec-WebSocket-Protocol", first);
        return true;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean injected,
                     @Advice.Argument(1) FullHttpResponse response,
                     @Advice.Thrown Throwable thrown,
                     @Advice.FieldValue(value = "actualSubprotocol", readOnly = false) String actual) throws Exception {
        if (!injected) {
            return;
        }
        response.headers().remove("Sec-WebSocket-Protocol");
        if (thrown == null) {
            actual = null;
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, String.class).invoke(null, "netty");
        }
    }
}
