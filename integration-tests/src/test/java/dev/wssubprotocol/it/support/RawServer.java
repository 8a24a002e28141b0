package dev.wssubprotocol.it.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * A minimal WebSocket server on 127.0.0.1 whose handshake answer is chosen by the request path, so every case
 * of the contract can be produced exactly. After the handshake it echoes text frames and answers close frames;
 * binary frames are MQTT, answered by a {@link MqttResponder} (for MQTT-over-WebSocket clients).
 * <ul>
 *   <li>{@code /omit}: no Sec-WebSocket-Protocol header</li>
 *   <li>{@code /select-superchat}, {@code /select-chat}, {@code /select-evil}: that value</li>
 *   <li>{@code /select-two}: "chat, superchat"; {@code /select-empty}: the header with an empty value</li>
 *   <li>{@code /omit-bad-accept}: no header and a wrong Sec-WebSocket-Accept</li>
 *   <li>{@code /omit-no-upgrade}: no header and no "Upgrade: websocket"</li>
 * </ul>
 */
public final class RawServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket socket;

    public RawServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "raw-ws-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String base() {
        return "ws://127.0.0.1:" + socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "raw-ws-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(20_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String request = readHead(in);
            String path = request.split(" ", 3)[1];
            String key = header(request, "sec-websocket-key");
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
            if (!path.equals("/omit-no-upgrade")) {
                response.append("Upgrade: websocket\r\n");
            }
            response.append("Connection: Upgrade\r\n");
            response.append("Sec-WebSocket-Accept: ")
                    .append(path.equals("/omit-bad-accept") ? "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" : accept).append("\r\n");
            String selected = switch (path) {
                case "/select-superchat" -> "superchat";
                case "/select-chat" -> "chat";
                case "/select-evil" -> "evil";
                case "/select-two" -> "chat, superchat";
                case "/select-empty" -> "";
                default -> null;
            };
            if (selected != null) {
                response.append("Sec-WebSocket-Protocol: ").append(selected).append("\r\n");
            }
            response.append("\r\n");
            out.write(response.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            echo(new DataInputStream(in), out);
        } catch (Exception e) {
            // the client went away: nothing to do
        }
    }

    private static void echo(DataInputStream in, OutputStream out) throws IOException {
        MqttResponder mqtt = new MqttResponder();
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = b0 & 0x0f;
            if (opcode == 0x1 || opcode == 0x8) {
                writeFrame(out, opcode, payload);
            } else if (opcode == 0x9) {
                writeFrame(out, 0xA, payload);
            } else if (opcode == 0x2 || opcode == 0x0) {
                byte[] answer = mqtt.feed(payload);
                if (answer.length > 0) {
                    writeFrame(out, 0x2, answer);
                }
            }
            if (opcode == 0x8) {
                return;
            }
        }
    }

    private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the request");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
