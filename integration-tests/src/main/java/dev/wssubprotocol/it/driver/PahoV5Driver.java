package dev.wssubprotocol.it.driver;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;

/**
 * Eclipse Paho's MQTT v5 client over WebSockets, as {@link PahoDriver} does it for v3 (it shares only constants
 * with it: PahoDriver's class needs the v3 jar). Java 8.
 */
public final class PahoV5Driver extends Driver {
    private static final Charset UTF_8 = Charset.forName("UTF-8");

    public static void main(String[] args) throws Exception {
        new PahoV5Driver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        if (c.offer == null) {
            return PahoDriver.ALWAYS_OFFERS;
        }
        final CompletableFuture<String> echo = new CompletableFuture<String>();
        MqttClient client = new MqttClient(uri, "driver-" + c.ordinal(), new MemoryPersistence());
        client.setTimeToWait(TIMEOUT_SECONDS * 1000); // no blocking call waits longer than a case may take
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                echo.completeExceptionally(new IllegalStateException("disconnected: " + response));
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                echo.completeExceptionally(exception);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                echo.complete(new String(message.getPayload(), UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout((int) TIMEOUT_SECONDS);
        try {
            client.connect(options);
            client.publish(PahoDriver.TOPIC, MESSAGE.getBytes(UTF_8), 0, false);
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
                        client.disconnectForcibly(1000, 1000, false);
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
