package dev.wssubprotocol.it.paho;

import dev.wssubprotocol.agent.pahomqtt.PahoPatch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
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
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.AdviceOracle.accept;
import static dev.wssubprotocol.it.support.AdviceOracle.oracle;
import static dev.wssubprotocol.it.support.AdviceOracle.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eclipse Paho MQTT over WebSockets, v3 (1.1.0, whose request offers "mqttv3.1"; 1.2.0 and 1.2.5, "mqtt") and v5
 * (1.2.5): the MQTT session completes (CONNACK, a QoS 0 PUBLISH sent back) against the test servers' MQTT
 * responder.
 */
class PahoIT {
    static final Contract.Target V3 = new Contract.Target(
            "Eclipse Paho MQTT v3 (`" + PahoPatch.LIBRARY_V3 + "`)",
            "nothing (Paho has no API for the subprotocol)", PahoPatch.ID,
            PahoPatch.TYPE_V3, PahoDriver.class, "default", "n/a");
    static final Contract.Target V5 = new Contract.Target(
            "Eclipse Paho MQTT v5 (`" + PahoPatch.LIBRARY_V5 + "`)",
            "nothing (Paho has no API for the subprotocol)", PahoPatch.ID,
            PahoPatch.TYPE_V5, PahoV5Driver.class, "default", "n/a");

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
        Contract.check(V3, version, jdk, Libraries.classpath(PahoPatch.LIBRARY_V3 + ":" + version));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Paho mqttv5 {0} on {1}")
    @MethodSource("v5")
    void mqttv5(String version, Jdks.Jdk jdk) {
        Contract.check(V5, version, jdk, Libraries.classpath(PahoPatch.LIBRARY_V5 + ":" + version));
    }

    // ---------------------------------------- the advice against Byte Buddy's Advice, in-process (support/AdviceOracle)

    @ParameterizedTest(name = "oracle: Paho mqttv3 {0}")
    @ValueSource(strings = {"1.1.0", "1.2.0", "1.2.5"}) // as v3()
    void adviceOracleV3(String version) throws Exception {
        oracleCases(Patches.get(PahoPatch.ID), Libraries.classpath(PahoPatch.LIBRARY_V3 + ":" + version));
    }

    @ParameterizedTest(name = "oracle: Paho mqttv5 {0}")
    @ValueSource(strings = {"1.2.5"}) // as v5()
    void adviceOracleV5(String version) throws Exception {
        oracleCases(Patches.ALL.stream().filter(p -> p.typeName().equals(PahoPatch.TYPE_V5)).findFirst().orElseThrow(),
                Libraries.classpath(PahoPatch.LIBRARY_V5 + ":" + version));
    }

    private static void oracleCases(Patch patch, List<Path> jars) throws Exception {
        // Paho always offers "mqtt" and only that: no "none offered" case
        // Paho never reads the value; "wrong accept key" sends "mqtt", "no header, wrong key" nothing (the advice must
        // not let it through)
        String[] cases = {"no header", "selected", "not offered", "two values", "empty value", "wrong accept key",
                "no header, wrong key"};
        Map<String, Map<String, String>> all = oracle(patch, jars, cases, (l, c) -> oracleCase(patch.typeName(), l, c));
        Map<String, String> plain = all.get("plain");
        Map<String, String> ours = all.get("inliner");
        String restored = " input the original stream, left after the call: [";
        assertTrue(plain.get("no header").startsWith("threw java.io.IOException: WebSocket Response header: empty"
                + " sec-websocket-protocol" + restored), plain.get("no header"));
        assertTrue(ours.get("no header").startsWith("ok" + restored), ours.get("no header"));
        assertTrue(ours.get("selected").startsWith("ok" + restored), ours.get("selected"));
        for (String c : new String[] {"selected", "not offered", "two values", "empty value", "wrong accept key",
                "no header, wrong key"}) {
            assertEquals(plain.get(c), ours.get(c), c);
        }
        assertTrue(ours.get("no header, wrong key").startsWith("threw "), ours.get("no header, wrong key"));
        for (String c : cases) { // the stream: what is left of it is what is left without the agent
            assertEquals(plain.get(c).replaceAll(".* input ", ""), ours.get(c).replaceAll(".* input ", ""), c);
        }
    }

    private static String oracleCase(String typeName, ClassLoader l, String c) throws Exception {
        Class<?> type = l.loadClass(typeName);
        Constructor<?> constructor = type.getConstructors()[0];
        Object[] args = new Object[constructor.getParameterCount()];
        String key = "dGhlIHNhbXBsZSBub25jZQ==";
        String header = c.equals("selected") || c.equals("wrong accept key") ? "mqtt" : c.equals("not offered") ? "other"
                : c.equals("two values") ? "mqtt, mqttv3.1" : c.equals("empty value") ? "" : null;
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + (c.contains("wrong") ? "d3Jvbmc=" : accept(key)) + "\r\n"
                + (header == null ? "" : "Sec-WebSocket-Protocol: " + header + "\r\n") + "\r\n";
        java.io.ByteArrayInputStream input = new java.io.ByteArrayInputStream(
                (head + "first frame bytes").getBytes(StandardCharsets.ISO_8859_1));
        args[0] = input;
        args[1] = new java.io.ByteArrayOutputStream();
        args[2] = "/mqtt";
        args[3] = "127.0.0.1";
        args[4] = 1;
        if (args.length > 5) {
            args[5] = constructor.getParameterTypes()[5] == java.util.Properties.class ? new java.util.Properties()
                    : new java.util.HashMap<String, String>();
        }
        Object handshake = constructor.newInstance(args);
        Method receive = type.getDeclaredMethod("receiveHandshakeResponse", String.class);
        receive.setAccessible(true);
        String outcome;
        try {
            receive.invoke(handshake, key);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = thrown(e);
        }
        Field field = type.getDeclaredField("input");
        field.setAccessible(true);
        return outcome + " input " + (field.get(handshake) == input ? "the original stream" : "ANOTHER stream")
                + ", left after the call: [" + new String(input.readAllBytes(), StandardCharsets.ISO_8859_1) + "]";
    }
}
