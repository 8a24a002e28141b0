package dev.wssubprotocol.agent.netty;

import dev.wssubprotocol.agent.Hook;
import dev.wssubprotocol.agent.weave.StrictCheck;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code WebSocketClientHandshaker#finishHandshake(Channel, FullHttpResponse)}; see {@link NettyPatch}.
 * <p>
 * Exit advice only, so a handshake that succeeds pays one null check: nothing happens until the method has thrown.
 * When it threw a {@code WebSocketHandshakeException}, the client offered subprotocols and the response has no
 * {@code Sec-WebSocket-Protocol} header, the advice gives the response the first offered token as if the server
 * had chosen it and calls the method again. The method changes nothing before its checks ({@code verify}, then the
 * subprotocol), so the second call is the first one with the header present: if a check fails again (a wrong
 * accept key, say), the original exception is thrown as it was; if the checks pass, the library sets up the
 * pipeline itself, and should that fail, its exception is thrown, as with any accepted response.
 * Either way the header is removed again (the application sees the headers as the server sent them), and a
 * rescued handshake reports {@code actualSubprotocol()} == null, as any handshake without a subprotocol. Only
 * String-keyed header methods are used: they exist from 4.0 to 4.2. The method is called again once at most
 * ({@link Hook#retry}): should the header not stick (a {@code headers()} that returns a copy), the second call
 * fails as the first did and its advice does not try again. With empty=absent, a header whose value is empty or
 * only whitespace is treated as missing; afterwards the response's headers are put back exactly as they were (each
 * one, in order, names as spelled), so the empty header is where and as the server sent it.
 */
@StrictCheck(readsField = "expectedSubprotocol")
public final class NettyAdvice {
    private NettyAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This WebSocketClientHandshaker handshaker,
                     @Advice.Argument(0) Channel channel,
                     @Advice.Argument(1) FullHttpResponse response,
                     @Advice.Thrown(readOnly = false) Throwable thrown,
                     @Advice.FieldValue("expectedSubprotocol") String offered,
                     @Advice.FieldValue(value = "actualSubprotocol", readOnly = false) String actual)
            throws Exception {
        if (thrown == null || offered == null || !(thrown instanceof WebSocketHandshakeException)) {
            return;
        }
        // a missing header, or (the hook decides: empty=absent) one whose value is empty or only whitespace
        String sent = response.headers().get("Sec-WebSocket-Protocol");
        String retry = sent == null ? Hook.RETRY : sent.trim().isEmpty() ? Hook.RETRY_EMPTY : null;
        if (retry == null) {
            return;
        }
        String first = null;
        for (String token : offered.split(",")) {
            if (!token.trim().isEmpty()) {
                first = token.trim();
                break;
            }
        }
        Class<?> hook = Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader());
        if (first == null || !Boolean.TRUE.equals(hook.getMethod(retry, String.class, String.class, String.class)
                .invoke(null, "netty", String.valueOf(handshaker.uri()), offered))) {
            return; // also inside the retry below: one retry at most
        }
        // an empty header is given back as it was: every header, in order and as spelled, since set() would move
        // it to the end under this class's spelling (a missing one is just removed: the others keep their order)
        String[] names = null;
        String[] values = null;
        if (sent != null) {
            java.util.List<java.util.Map.Entry<String, String>> entries = response.headers().entries();
            names = new String[entries.size()];
            values = new String[entries.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = entries.get(i).getKey();
                values[i] = entries.get(i).getValue();
            }
        }
        try {
            response.headers().set("Sec-WebSocket-Protocol", first);
            Throwable again = null;
            try {
                handshaker.finishHandshake(channel, response); // this advice again: it returns at once on success
            } catch (Throwable failed) {
                again = failed;
            }
            if (names == null) {
                response.headers().remove("Sec-WebSocket-Protocol");
            } else {
                response.headers().clear();
                for (int i = 0; i < names.length; i++) {
                    response.headers().add(names[i], values[i]);
                }
            }
            if (again != null) {
                if (handshaker.isHandshakeComplete()) { // past the checks, the library failed later
                    actual = null;
                    thrown = again;
                }
                return; // else a check failed again: the original exception stands
            }
            actual = null;
            thrown = null;
            hook.getMethod(Hook.RESCUED, String.class).invoke(null, "netty");
        } finally {
            hook.getMethod(Hook.FINISHED).invoke(null);
        }
    }
}
