package dev.wssubprotocol.agent.reactornetty;

import dev.wssubprotocol.agent.Hook;
import io.netty.handler.codec.http.HttpResponse;
import net.bytebuddy.asm.Advice;

import java.net.URI;

/**
 * Inlined into Reactor Netty's {@code Http2WebsocketClientOperations$WebsocketClientHandshaker#finishHandshake(
 * Channel, HttpResponse)}; see {@link ReactorNettyHttp2Patch}. The same trick as the Netty advice: while the check
 * runs, the response carries the first offered token as if the server had chosen it; afterwards the header is
 * removed again and {@code actualSubProtocol} is set to null, as for a handshake without a subprotocol. The
 * handshaker class is package-private, so the advice binds fields, not {@code this}; it uses only Netty's
 * String-keyed header methods.
 */
public final class ReactorNettyHttp2Advice {
    private ReactorNettyHttp2Advice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(1) HttpResponse response,
                         @Advice.FieldValue("expectedSubProtocol") String offered,
                         @Advice.FieldValue("uri") URI uri) throws Exception {
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
                        .invoke(null, "reactor-netty-http2", String.valueOf(uri), offered))) {
            return false;
        }
        response.headers().set("Sec-WebSocket-Protocol", first);
        return true;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean injected,
                     @Advice.Argument(1) HttpResponse response,
                     @Advice.Thrown Throwable thrown,
                     @Advice.FieldValue(value = "actualSubProtocol", readOnly = false) String actual) throws Exception {
        if (!injected) {
            return;
        }
        response.headers().remove("Sec-WebSocket-Protocol");
        if (thrown == null) {
            actual = null;
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, String.class).invoke(null, "reactor-netty-http2");
        }
    }
}
