package dev.wssubprotocol.it.support;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A real third-party server: Java-WebSocket's, with its default draft. When a client offers subprotocols it picks
 * none and omits Sec-WebSocket-Protocol, as many servers in the field do. Echoes text messages; answers binary
 * messages as MQTT (see {@link MqttResponder}; each message holds whole packets).
 */
public final class LibraryServer extends WebSocketServer implements AutoCloseable {
    public LibraryServer() throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        // Java-WebSocket reports -1 until the channel is open and 0 until it is bound
        for (int i = 0; i < 500 && getPort() <= 0; i++) {
            Thread.sleep(10);
        }
        if (getPort() <= 0) {
            throw new IllegalStateException("the Java-WebSocket server did not bind within 5 s");
        }
    }

    public String base() {
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        byte[] answer = new MqttResponder().feed(bytes);
        if (answer.length > 0) {
            conn.send(answer);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
