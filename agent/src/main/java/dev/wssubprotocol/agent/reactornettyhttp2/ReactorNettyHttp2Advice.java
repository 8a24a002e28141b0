package dev.wssubprotocol.agent.reactornettyhttp2;

import dev.wssubprotocol.agent.Hook;
import dev.wssubprotocol.agent.weave.StrictCheck;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import net.bytebuddy.asm.Advice;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;

/**
 * Inlined into Reactor Netty's {@code Http2WebsocketClientOperations$WebsocketClientHandshaker#finishHandshake(
 * Channel, HttpResponse)}; see {@link ReactorNettyHttp2Patch}. The scheme of the Netty 4 advice: exit only; when the
 * method threw a {@code WebSocketHandshakeException}, subprotocols were offered and the response has no
 * {@code sec-websocket-protocol}, the response gets the first offered token and the method is called again, once at
 * most ({@link Hook#retry}). A check that fails again leaves the original exception; a failure after the checks
 * (the handshake already marked complete, no ws-encoder in the pipeline) is thrown with {@code actualSubProtocol}
 * null. The header is removed again either way (with empty=absent, an empty value is treated as missing, and
 * afterwards every header is put back as it was: in order, names as spelled). The handshaker class is
 * package-private, so the advice binds it as Object and calls the method by reflection, from inside the class
 * itself (where the method is accessible); it uses only Netty's String-keyed header methods.
 */
@StrictCheck(readsField = "expectedSubProtocol")
public final class ReactorNettyHttp2Advice {
    private ReactorNettyHttp2Advice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object handshaker,
                     @Advice.Argument(0) Channel channel,
                     @Advice.Argument(1) HttpResponse response,
                     @Advice.Thrown(readOnly = false) Throwable thrown,
                     @Advice.FieldValue("expectedSubProtocol") String offered,
                     @Advice.FieldValue("uri") URI uri,
                     @Advice.FieldValue("handshakeComplete") boolean complete,
                     @Advice.FieldValue(value = "actualSubProtocol", readOnly = false) String actual)
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
        Method again = handshaker.getClass().getDeclaredMethod("finishHandshake", Channel.class, HttpResponse.class);
        Class<?> hook = Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader());
        if (first == null || !Boolean.TRUE.equals(hook.getMethod(retry, String.class, String.class, String.class)
                .invoke(null, "reactor-netty-http2", String.valueOf(uri), offered))) {
            return;
        }
        // an empty header is given back as it was: every header, in order and as spelled (HTTP/2: lower case),
        // since set() would move it to the end under this class's spelling (a missing one is just removed)
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
            Throwable failed = null;
            try {
                again.invoke(handshaker, channel, response);
            } catch (InvocationTargetException e) {
                failed = e.getCause();
            }
            if (names == null) {
                response.headers().remove("Sec-WebSocket-Protocol");
            } else {
                response.headers().clear();
                for (int i = 0; i < names.length; i++) {
                    response.headers().add(names[i], values[i]);
                }
            }
            if (failed != null) {
                if (complete) { // past the checks (the field is read now), the library failed later
                    actual = null;
                    thrown = failed;
                }
                return;
            }
            actual = null;
            thrown = null;
            hook.getMethod(Hook.RESCUED, String.class).invoke(null, "reactor-netty-http2");
        } finally {
            hook.getMethod(Hook.FINISHED).invoke(null);
        }
    }
}
