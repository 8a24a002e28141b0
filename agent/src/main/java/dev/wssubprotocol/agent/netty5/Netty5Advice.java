package dev.wssubprotocol.agent.netty5;

import dev.wssubprotocol.agent.Hook;
import io.netty5.handler.codec.http.FullHttpResponse;
import io.netty5.handler.codec.http.websocketx.WebSocketClientHandshaker;
import net.bytebuddy.asm.Advice;

import java.lang.reflect.Method;

/**
 * Inlined into {@code io.netty5...WebSocketClientHandshaker#finishHandshake(Channel, FullHttpResponse)}; see
 * {@link Netty5Patch}. The Netty 4 trick: while the check runs, the response carries the first offered token;
 * afterwards the header is removed again and {@code actualSubprotocol} is set to null.
 * <p>
 * No header type is common to all alphas (see {@link Netty5Patch}), so the header calls go through the return type
 * of {@code FullHttpResponse#headers()} by reflection: {@code get(CharSequence)} and {@code remove(CharSequence)}
 * exist in both, {@code set} takes (CharSequence, Object) in Alpha3-4 and (CharSequence, CharSequence) in Alpha5.
 * The shape check still covers the method, the fields and {@code uri()}; should a header method be missing, the
 * enter advice fails before changing anything and the library behaves as without the agent.
 */
public final class Netty5Advice {
    private Netty5Advice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This WebSocketClientHandshaker handshaker,
                         @Advice.Argument(1) FullHttpResponse response,
                         @Advice.FieldValue("expectedSubprotocol") String offered) throws Exception {
        if (offered == null) {
            return false;
        }
        Method headersMethod = FullHttpResponse.class.getMethod("headers");
        Class<?> api = headersMethod.getReturnType();
        Object headers = headersMethod.invoke(response);
        api.getMethod("remove", CharSequence.class); // the exit advice's call: looked up before anything changes
        Method set;
        try {
            set = api.getMethod("set", CharSequence.class, CharSequence.class);
        } catch (NoSuchMethodException alpha3or4) {
            set = api.getMethod("set", CharSequence.class, Object.class);
        }
        if (api.getMethod("get", CharSequence.class).invoke(headers, "Sec-WebSocket-Protocol") != null) {
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
                        .invoke(null, "netty5", String.valueOf(handshaker.uri()), offered))) {
            return false;
        }
        set.invoke(headers, "Sec-WebSocket-Protocol", first);
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
        Method headersMethod = FullHttpResponse.class.getMethod("headers");
        headersMethod.getReturnType().getMethod("remove", CharSequence.class).invoke(headersMethod.invoke(response),
                "Sec-WebSocket-Protocol");
        if (thrown == null) {
            actual = null;
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, String.class).invoke(null, "netty5");
        }
    }
}
