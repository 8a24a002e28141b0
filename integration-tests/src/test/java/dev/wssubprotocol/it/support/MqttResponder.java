package dev.wssubprotocol.it.support;

import java.io.ByteArrayOutputStream;

/**
 * The MQTT side of the test servers, for MQTT-over-WebSocket clients (Paho): a minimal responder, not a broker.
 * The binary WebSocket messages of one connection are fed in; every complete MQTT control packet is answered:
 * CONNECT with a CONNACK "accepted" in the client's protocol version (3.1, 3.1.1 or 5), PUBLISH (QoS 0) with the
 * same packet back, so the client receives its own message, PINGREQ with PINGRESP. Anything else gets no answer.
 */
final class MqttResponder {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @return the answer to the packets completed by this message (possibly empty) */
    synchronized byte[] feed(byte[] message) {
        pending.write(message, 0, message.length);
        byte[] buffer = pending.toByteArray();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            if (buffer.length - at < 2) {
                break;
            }
            int length = 0;
            int multiplier = 1;
            int i = at + 1;
            boolean complete = false;
            while (i < buffer.length && i < at + 5) {
                int b = buffer[i++] & 0xff;
                length += (b & 0x7f) * multiplier;
                multiplier *= 128;
                if ((b & 0x80) == 0) {
                    complete = true;
                    break;
                }
            }
            if (!complete || buffer.length - i < length) {
                break;
            }
            int type = (buffer[at] & 0xff) >>> 4;
            if (type == 1) { // CONNECT: protocol name (2-byte length + bytes), then the protocol level
                int nameLength = ((buffer[i] & 0xff) << 8) | (buffer[i + 1] & 0xff);
                int level = buffer[i + 2 + nameLength] & 0xff;
                answer.write(level == 5 ? new byte[] {0x20, 3, 0, 0, 0} : new byte[] {0x20, 2, 0, 0}, 0,
                        level == 5 ? 5 : 4);
            } else if (type == 3) { // PUBLISH, QoS 0: the same packet back
                answer.write(buffer, at, i + length - at);
            } else if (type == 12) { // PINGREQ
                answer.write(0xD0);
                answer.write(0);
            }
            at = i + length;
        }
        pending.reset();
        pending.write(buffer, at, buffer.length - at);
        return answer.toByteArray();
    }
}
