package dev.wssubprotocol.it.driver;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;

/**
 * Eclipse Paho's MQTT v3 client over WebSockets: connect (the server answers CONNACK), publish {@link #MESSAGE}
 * at QoS 0 and wait for the server to send it back. Paho always offers one subprotocol of its own ("mqtt", or
 * "mqttv3.1" in 1.1.x), whatever the case offers, so the cases where the client offers nothing cannot be run:
 * they print {@link #ALWAYS_OFFERS} in every run. Paho has no API that reports the subprotocol: a connection is
 * shown as {@code subprotocol=n/a}. Only API present from 1.1.0 to 1.2.5; Java 8.
 */
public final class PahoDriver extends Driver {
    static final String ALWAYS_OFFERS = "N/A the client always offers its own subprotocol";
    static final String TOPIC = "ws-subprotocol-agent/echo";
    static final Charset UTF_8 = Charset.forName("UTF-8");

    public static void main(String[] args) throws Exception {
        new PahoDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        if (c.offer == null) {
            return ALWAYS_OFFERS;
        }
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        MqttClient client = new MqttClient(uri, "driver-" + c.ordinal(), new MemoryPersistence());
        client.setTimeToWait(TIMEOUT_SECONDS * 1000); // no blocking call waits longer than a case may take
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                echo.completeExceptionally(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                echo.complete(new String(message.getPayload(), UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout((int) TIMEOUT_SECONDS);
        try {
            client.connect(options);
            client.publish(TOPIC, MESSAGE.getBytes(UTF_8), 0, false);
            return okShown("n/a", await(echo));
        } finally {
            close(client);
        }
    }

    /**
     * Disconnects on a daemon thread and waits at most 2 s: Paho 1.1.0 can deadlock in
     * {@code WebSocketReceiver.stop} (the caller holds its lock and joins the receiver thread, which is waiting for
     * the same lock), with or without the agent; the driver's JVM ends with System.exit anyway.
     */
    private static void close(final MqttClient client) throws InterruptedException {
        Thread closer = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    if (client.isConnected()) {
                        client.disconnectForcibly(1000, 1000);
                    }
                    client.close();
                } catch (Exception e) {
                    // closing after a failed connect: the outcome is the connect's
                }
            }
        }, "driver-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(2000);
    }
}
