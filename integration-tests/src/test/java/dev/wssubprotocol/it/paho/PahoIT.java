package dev.wssubprotocol.it.paho;

import dev.wssubprotocol.it.driver.PahoDriver;
import dev.wssubprotocol.it.driver.PahoV5Driver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Eclipse Paho MQTT over WebSockets, v3 (1.1.0, whose request offers "mqttv3.1"; 1.2.0 and 1.2.5, "mqtt") and v5
 * (1.2.5): the MQTT session completes (CONNACK, a QoS 0 PUBLISH sent back) against the test servers' MQTT
 * responder.
 */
class PahoIT {
    static final Contract.Target V3 = new Contract.Target(
            "Eclipse Paho MQTT v3 (`org.eclipse.paho:org.eclipse.paho.client.mqttv3`)",
            "nothing (Paho has no API for the subprotocol)", "paho-mqtt",
            "org.eclipse.paho.client.mqttv3.internal.websocket.WebSocketHandshake", PahoDriver.class, "default", "n/a");
    static final Contract.Target V5 = new Contract.Target(
            "Eclipse Paho MQTT v5 (`org.eclipse.paho:org.eclipse.paho.mqttv5.client`)",
            "nothing (Paho has no API for the subprotocol)", "paho-mqtt",
            "org.eclipse.paho.mqttv5.client.websocket.WebSocketHandshake", PahoV5Driver.class, "default", "n/a");

    static Stream<Arguments> v3() {
        return Stream.of("1.1.0", "1.2.0", "1.2.5").flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    static Stream<Arguments> v5() {
        return Stream.of("1.2.5").flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Paho mqttv3 {0} on {1}")
    @MethodSource("v3")
    void mqttv3(String version, Jdks.Jdk jdk) {
        Contract.check(V3, version, jdk, Libraries.classpath("org.eclipse.paho:org.eclipse.paho.client.mqttv3:" + version));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Paho mqttv5 {0} on {1}")
    @MethodSource("v5")
    void mqttv5(String version, Jdks.Jdk jdk) {
        Contract.check(V5, version, jdk, Libraries.classpath("org.eclipse.paho:org.eclipse.paho.mqttv5.client:" + version));
    }
}
