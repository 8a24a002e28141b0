package dev.wssubprotocol.agent.javawebsocket;

import dev.wssubprotocol.agent.Hook;
import net.bytebuddy.asm.Advice;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Inlined into {@code Draft_6455#acceptHandshakeAsClient(ClientHandshake, ServerHandshake)}; see
 * {@link JavaWebSocketPatch}.
 * <p>
 * The trick: while a response without {@code Sec-WebSocket-Protocol} is checked, this connection's draft sees
 * {@code [new Protocol("")]} as its list of protocols (the field is swapped, the application's list is never
 * touched), so the check passes and the draft reports {@code getProtocol().getProvidedProtocol()} == "", the
 * library's "no subprotocol". On exit the original list is put back, whatever happened. With empty=absent, a
 * header whose value is empty or only whitespace is treated the same way.
 */
public final class JavaWebSocketAdvice {
    private JavaWebSocketAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static List<IProtocol> enter(@Advice.Argument(0) ClientHandshake request,
                                 @Advice.Argument(1) ServerHandshake response,
                                 @Advice.FieldValue(value = "knownProtocols", readOnly = false) List<IProtocol> known)
            throws Exception {
        if (known == null || known.isEmpty()) {
            return null;
        }
        // a missing header, or (the hook decides: empty=absent) one whose value is empty or only whitespace
        String hook = !response.hasFieldValue("Sec-WebSocket-Protocol") ? Hook.RESCUE
                : response.getFieldValue("Sec-WebSocket-Protocol").trim().isEmpty() ? Hook.RESCUE_EMPTY : null;
        if (hook == null) {
            return null;
        }
        StringBuilder offered = new StringBuilder();
        for (IProtocol protocol : known) {
            if (protocol.acceptProvidedProtocol("")) {
                return null; // the library accepts a missing header already: nothing to rescue
            }
            offered.append(offered.length() == 0 ? "" : ",").append(protocol.getProvidedProtocol());
        }
        if (!Boolean.TRUE.equals(Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                .getMethod(hook, String.class, String.class, String.class)
                .invoke(null, "java-websocket", request.getFieldValue("Host") + request.getResourceDescriptor(),
                        offered.toString()))) {
            return null;
        }
        List<IProtocol> original = known;
        List<IProtocol> none = new ArrayList<IProtocol>(1);
        none.add(new Protocol(""));
        known = none;
        return original;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter List<IProtocol> original,
                     @Advice.Return Object state,
                     @Advice.FieldValue(value = "knownProtocols", readOnly = false) List<IProtocol> known)
            throws Exception {
        if (original == null) {
            return;
        }
        known = original;
        if (state != null && "MATCHED".equals(state.toString())) {
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, String.class).invoke(null, "java-websocket");
        }
    }
}
