package dev.wssubprotocol.agent.pahomqtt;

import dev.wssubprotocol.agent.Hook;
import net.bytebuddy.asm.Advice;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Inlined into Paho's {@code WebSocketHandshake#receiveHandshakeResponse(String)} (v3 and v5); see
 * {@link PahoPatch}.
 * <p>
 * On entry the handshake's {@code input} is wrapped in a {@code BufferedInputStream} with a mark, so that the
 * response head the method reads can be read again; the method's own {@code BufferedReader} reads ahead of the
 * head in the same way, so nothing after the head is lost that was not lost before. On exit {@code input} is the
 * original stream again. Nothing else happens unless the method threw Paho's own
 * {@code "WebSocket Response header: empty sec-websocket-protocol"}: then the head is read again, the header
 * {@code Sec-WebSocket-Protocol: mqtt} is added after the status line, and the method runs a second time on that
 * head, provided the response's {@code Sec-WebSocket-Accept} is the right one for the key (Paho 1.1.0 never
 * checks it: the advice does, so that only a response whose one fault is the missing header is let through).
 * Paho never reads the value, so the application sees nothing of it. If the second run passes every check, the
 * handshake succeeds; if it fails, the original exception is thrown as it was.
 */
public final class PahoAdvice {
    private PahoAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static InputStream enter(@Advice.FieldValue(value = "input", readOnly = false) InputStream input) {
        if (input == null) {
            return null;
        }
        InputStream original = input;
        BufferedInputStream recorded = new BufferedInputStream(original, 8192);
        recorded.mark(65536);
        input = recorded;
        return original;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object handshake,
                     @Advice.Argument(0) String key,
                     @Advice.Enter InputStream original,
                     @Advice.Thrown(readOnly = false) Throwable thrown,
                     @Advice.FieldValue(value = "input", readOnly = false) InputStream input,
                     @Advice.FieldValue("uri") String uri) throws Exception {
        if (original == null) {
            return;
        }
        InputStream recorded = input;
        input = original;
        if (!(thrown instanceof IOException)
                || !"WebSocket Response header: empty sec-websocket-protocol".equals(thrown.getMessage())) {
            return;
        }
        recorded.reset(); // throws (and the advice does nothing) if the head was longer than the mark
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int firstLineEnd = -1;
        while (matched < 4) {
            int b = recorded.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (b == '\n' && firstLineEnd < 0) {
                firstLineEnd = head.size();
            }
        }
        // Paho 1.1.0 compares the expected accept key with itself (it never fails): the advice checks the key,
        // so that a response that is wrong in more than the missing header is never let through
        String accept = null;
        String text = new String(head.toByteArray(), "ISO-8859-1");
        for (int start = 0, end; start < text.length(); start = end + 2) {
            end = text.indexOf("\r\n", start);
            if (end < 0) {
                break;
            }
            int colon = text.indexOf(':', start);
            if (colon > start && colon < end
                    && text.substring(start, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept")) {
                accept = text.substring(colon + 1, end).trim();
            }
        }
        if (accept == null || !accept.equals(java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-1").digest(
                        (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes("ISO-8859-1"))))) {
            return;
        }
        // no class literals: Paho 1.1.0's class files are version 48, where ldc cannot load a Class
        Class<?> string = "".getClass();
        if (!Boolean.TRUE.equals(Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                .getMethod(Hook.RETRY, string, string, string)
                .invoke(null, "paho-mqtt", uri, "mqtt"))) {
            return;
        }
        try { // one retry at most (Hook.retry): the advice of the call below does nothing
            byte[] bytes = head.toByteArray();
            ByteArrayOutputStream changed = new ByteArrayOutputStream(bytes.length + 32);
            changed.write(bytes, 0, firstLineEnd);
            changed.write("Sec-WebSocket-Protocol: mqtt\r\n".getBytes("ISO-8859-1"));
            changed.write(bytes, firstLineEnd, bytes.length - firstLineEnd);
            Method again = null;
            for (Class<?> c = handshake.getClass(); c != null && again == null; c = c.getSuperclass()) {
                try {
                    again = c.getDeclaredMethod("receiveHandshakeResponse", string);
                } catch (NoSuchMethodException e) {
                    // the superclass, then
                }
            }
            if (again == null) {
                return;
            }
            again.setAccessible(true);
            input = new ByteArrayInputStream(changed.toByteArray());
            try {
                again.invoke(handshake, key); // this advice again: the header is there, it changes nothing
            } catch (InvocationTargetException failed) {
                return; // a later check failed (the accept key): the original exception stands
            } finally {
                input = original;
            }
            thrown = null;
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, string).invoke(null, "paho-mqtt");
        } finally {
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.FINISHED).invoke(null);
        }
    }
}
