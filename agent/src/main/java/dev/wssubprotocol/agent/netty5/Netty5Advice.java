package dev.wssubprotocol.agent.netty5;

import dev.wssubprotocol.agent.Hook;
import dev.wssubprotocol.agent.weave.StrictCheck;
import io.netty5.channel.Channel;
import io.netty5.handler.codec.http.FullHttpResponse;
import io.netty5.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty5.handler.codec.http.websocketx.WebSocketHandshakeException;
import net.bytebuddy.asm.Advice;

import java.lang.reflect.Method;

/**
 * Inlined into {@code io.netty5...WebSocketClientHandshaker#finishHandshake(Channel, FullHttpResponse)}; see
 * {@link Netty5Patch}. The scheme of the Netty 4 advice: exit only, so nothing happens until the method has thrown.
 * When it threw a {@code WebSocketHandshakeException}, the client offered subprotocols and the response has no
 * {@code Sec-WebSocket-Protocol} header, the advice gives the response the first offered token and calls the method
 * again, once at most ({@link Hook#retry}). If a check fails again, the original exception stands; if the checks
 * pass and the library then fails (no HTTP codec in the pipeline), its exception is thrown and
 * {@code actualSubprotocol} is null. Either way the header is removed again, and a rescued handshake reports
 * {@code actualSubprotocol} == null. With empty=absent, an empty value is treated as missing, and afterwards the
 * headers are put back as they iterated before (names as spelled), with the header container's own {@code clear}
 * and {@code add}, looked up as {@code set} is.
 * <p>
 * No header type is common to all alphas (see {@link Netty5Patch}), so the header calls go through the return type
 * of {@code FullHttpResponse#headers()} by reflection: {@code get(CharSequence)} and {@code remove(CharSequence)}
 * exist in both, {@code set} takes (CharSequence, Object) in Alpha3-4 and (CharSequence, CharSequence) in Alpha5.
 * All three are looked up before anything changes.
 */
@StrictCheck(readsField = "expectedSubprotocol")
public final class Netty5Advice {
    private Netty5Advice() {
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
        Method headersMethod = FullHttpResponse.class.getMethod("headers");
        Class<?> api = headersMethod.getReturnType();
        Object headers = headersMethod.invoke(response);
        Method remove = api.getMethod("remove", CharSequence.class);
        Method set;
        try {
            set = api.getMethod("set", CharSequence.class, CharSequence.class);
        } catch (NoSuchMethodException alpha3or4) {
            set = api.getMethod("set", CharSequence.class, Object.class);
        }
        // a missing header, or (the hook decides: empty=absent) one whose value is empty or only whitespace
        Object sent = api.getMethod("get", CharSequence.class).invoke(headers, "Sec-WebSocket-Protocol");
        String retry = sent == null ? Hook.RETRY : sent.toString().trim().isEmpty() ? Hook.RETRY_EMPTY : null;
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
                .invoke(null, "netty5", String.valueOf(handshaker.uri()), offered))) {
            return;
        }
        // an empty header is given back as it was, since set() would leave it under this class's spelling and, in
        // Alpha3-4's headers (kept in insertion order), move it to the end: there every header is put back, in
        // order and as spelled; Alpha5's iterate in hash order, which only this header's own entries, put back as
        // spelled, keep. A missing header is just removed: the others keep their order.
        Object[] names = null;
        Object[] values = null;
        Method clear = null;
        Method add = null;
        if (sent != null) {
            java.util.List<Object> entries = new java.util.ArrayList<Object>();
            for (Object entry : (Iterable<?>) headers) {
                entries.add(entry);
            }
            names = new Object[entries.size()];
            values = new Object[entries.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = ((java.util.Map.Entry<?, ?>) entries.get(i)).getKey();
                values[i] = ((java.util.Map.Entry<?, ?>) entries.get(i)).getValue();
            }
            clear = api.getMethod("clear");
            try {
                add = api.getMethod("add", CharSequence.class, CharSequence.class);
            } catch (NoSuchMethodException alpha3or4) {
                add = api.getMethod("add", CharSequence.class, Object.class);
            }
        }
        try {
            set.invoke(headers, "Sec-WebSocket-Protocol", first);
            Throwable again = null;
            try {
                handshaker.finishHandshake(channel, response);
            } catch (Throwable failed) {
                again = failed;
            }
            if (names == null) {
                remove.invoke(headers, "Sec-WebSocket-Protocol");
            } else if (add.getParameterTypes()[1] == CharSequence.class) { // Alpha5
                remove.invoke(headers, "Sec-WebSocket-Protocol");
                for (int i = 0; i < names.length; i++) {
                    if ("Sec-WebSocket-Protocol".equalsIgnoreCase(names[i].toString())) {
                        add.invoke(headers, names[i], values[i]);
                    }
                }
            } else {
                clear.invoke(headers);
                for (int i = 0; i < names.length; i++) {
                    add.invoke(headers, names[i], values[i]);
                }
            }
            if (again != null) {
                if (handshaker.isHandshakeComplete()) { // past the checks, the library failed later
                    actual = null;
                    thrown = again;
                }
                return;
            }
            actual = null;
            thrown = null;
            hook.getMethod(Hook.RESCUED, String.class).invoke(null, "netty5");
        } finally {
            hook.getMethod(Hook.FINISHED).invoke(null);
        }
    }
}
