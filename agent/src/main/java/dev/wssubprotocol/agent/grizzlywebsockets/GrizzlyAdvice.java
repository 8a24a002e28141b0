package dev.wssubprotocol.agent.grizzlywebsockets;

import dev.wssubprotocol.agent.Hook;
import net.bytebuddy.asm.Advice;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.websockets.HandShake;

import java.util.ArrayList;
import java.util.List;

/**
 * Inlined into Grizzly's {@code HandShake#validateServerResponse(HttpResponsePacket)}; see {@link GrizzlyPatch}.
 * <p>
 * Exit advice only: nothing happens unless the method threw. When it threw, the client offered subprotocols and
 * the response has no {@code Sec-WebSocket-Protocol} (or, with empty=absent, one that is empty or whitespace),
 * the handshake's subprotocol list is emptied, so that the library skips its subprotocol check, and the
 * response is validated again from the top, the subclass's accept-key check included. If that passes, the
 * handshake succeeds and the application reads an empty {@code getSubProtocol()}, Grizzly's "none"; if not, the
 * offered list is put back and the original exception is thrown as it was.
 */
public final class GrizzlyAdvice {
    private GrizzlyAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This HandShake handshake,
                     @Advice.Argument(0) HttpResponsePacket response,
                     @Advice.Thrown(readOnly = false) Throwable thrown) throws Exception {
        if (thrown == null) {
            return;
        }
        List<String> offered = handshake.getSubProtocol();
        if (offered == null || offered.isEmpty()) {
            return;
        }
        String value = response.getHeader("Sec-WebSocket-Protocol");
        String hook = value == null ? Hook.RETRY : value.trim().isEmpty() ? Hook.RETRY_EMPTY : null;
        if (hook == null) {
            return;
        }
        HttpRequestPacket request = response.getRequest();
        String target = request == null ? "?" : request.getHeader("Host") + request.getRequestURI();
        if (!Boolean.TRUE.equals(Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                .getMethod(hook, String.class, String.class, String.class)
                .invoke(null, "grizzly-websockets", target, String.valueOf(offered)))) {
            return;
        }
        try { // one retry at most (Hook.retry): the advice of the call below does nothing
            handshake.setSubProtocol(new ArrayList<String>());
            try {
                handshake.validateServerResponse(response); // this advice again: it returns at once on success
            } catch (Throwable again) {
                handshake.setSubProtocol(offered);
                return; // another check failed: the original exception stands
            }
            thrown = null;
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, String.class).invoke(null, "grizzly-websockets");
        } finally {
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.FINISHED).invoke(null);
        }
    }
}
