package dev.wssubprotocol.it.grizzly;

import dev.wssubprotocol.agent.grizzlywebsockets.GrizzlyPatch;
import dev.wssubprotocol.it.driver.GrizzlyDriver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.EmptyContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.AdviceOracle.CASES;
import static dev.wssubprotocol.it.support.AdviceOracle.oracle;
import static dev.wssubprotocol.it.support.AdviceOracle.protocolHeader;
import static dev.wssubprotocol.it.support.AdviceOracle.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grizzly's WebSocket client: 2.3.19 (the last release whose subprotocol check compares every value with the
 * header's name: a missing header is a NullPointerException, any value is rejected), 2.3.20 (checkForSubProtocol),
 * 2.3.35, 2.4.4, 3.0.1 and 4.0.2 (Java 11 and later). 2.1.x has another client API and no driver here. Both settings
 * of the option empty. Grizzly's close path needs the Servlet API, which its pom has in provided scope.
 */
class GrizzlyIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Grizzly (`" + GrizzlyPatch.LIBRARY + "`)",
            "`HandShake.getSubProtocol()`", GrizzlyPatch.ID,
            GrizzlyPatch.TYPE, GrizzlyDriver.class, "default", "[]");

    static Stream<Arguments> versions() {
        return Stream.of("2.3.19", "2.3.20", "2.3.35", "2.4.4", "3.0.1", "4.0.2")
                .flatMap(v -> Jdks.all().stream()
                        .filter(jdk -> !v.startsWith("4.") || jdk.major() >= 11)
                        .map(jdk -> Arguments.of(v, jdk)));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Grizzly {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath(GrizzlyPatch.LIBRARY + ":" + version,
                "javax.servlet:javax.servlet-api:3.1.0");
        Map<String, String> withDefaults = Contract.check(TARGET, version, jdk, library);
        EmptyContract.check(TARGET, jdk, library, withDefaults);
    }

    // ---------------------------------------- the advice against Byte Buddy's Advice, in-process (support/AdviceOracle)

    @ParameterizedTest(name = "oracle: Grizzly {0}")
    @ValueSource(strings = {"2.3.19", "2.3.20", "2.3.35", "2.4.4", "3.0.1", "4.0.2"}) // as versions()
    void adviceOracle(String version) throws Exception {
        Map<String, Map<String, String>> all = oracle(GrizzlyPatch.ID, Libraries.classpath(
                GrizzlyPatch.LIBRARY + ":" + version, "javax.servlet:javax.servlet-api:3.1.0"),
                CASES, GrizzlyIT::oracleCase);
        Map<String, String> plain = all.get("plain");
        Map<String, String> ours = all.get("inliner");
        assertTrue(plain.get("no header").startsWith("threw "), plain.get("no header"));
        assertTrue(plain.get("no header").contains(" subprotocol [chat, superchat] (the application's list) "),
                plain.get("no header"));
        // rescued: Grizzly's "none", an empty list in place of the offer (the advice's design); on success Grizzly
        // itself replaces the list with the selected protocol, and 2.3.19 rejects even an offered one
        assertTrue(ours.get("no header").startsWith("ok subprotocol [] (another list) "), ours.get("no header"));
        assertTrue(ours.get("empty value").startsWith("ok subprotocol [] (another list) "), ours.get("empty value"));
        for (String c : CASES) { // the response as the server sent it
            assertEquals(plain.get(c).replaceAll(".* response ", ""), ours.get(c).replaceAll(".* response ", ""), c);
        }
        for (String c : new String[] {"selected", "not offered", "two values", "none offered", "wrong accept key"}) {
            assertEquals(plain.get(c), ours.get(c), c);
        }
        assertTrue(ours.get("not offered").startsWith("threw "), ours.get("not offered"));
        assertTrue(ours.get("wrong accept key").startsWith("threw "), ours.get("wrong accept key"));
    }

    private static String oracleCase(ClassLoader l, String c) throws Exception {
        String ws = "org.glassfish.grizzly.websockets.";
        String http = "org.glassfish.grizzly.http.";
        Class<?> type = l.loadClass(ws + "HandShake");
        Object handshake = l.loadClass(ws + "rfc6455.RFC6455HandShake").getConstructor(URI.class)
                .newInstance(new URI("ws://127.0.0.1:1/"));
        List<String> offered = new ArrayList<>();
        if (!c.equals("none offered")) {
            offered.add("chat");
            offered.add("superchat");
        }
        type.getMethod("setSubProtocol", List.class).invoke(handshake, offered);
        Field secKey = handshake.getClass().getDeclaredField("secKey");
        secKey.setAccessible(true);
        Class<?> secKeyType = l.loadClass(ws + "SecKey");
        Object serverKey = secKeyType.getMethod("generateServerKey", secKeyType).invoke(null, secKey.get(handshake));
        String accept = (String) secKeyType.getMethod("getSecKey").invoke(serverKey);
        Object requestBuilder = l.loadClass(http + "HttpRequestPacket").getMethod("builder").invoke(null);
        requestBuilder.getClass().getMethod("method", String.class).invoke(requestBuilder, "GET");
        requestBuilder.getClass().getMethod("uri", String.class).invoke(requestBuilder, "/");
        requestBuilder.getClass().getMethod("header", String.class, String.class).invoke(requestBuilder, "Host",
                "127.0.0.1:1");
        Object request = requestBuilder.getClass().getMethod("build").invoke(requestBuilder);
        Class<?> responseType = l.loadClass(http + "HttpResponsePacket");
        Object builder = responseType.getMethod("builder", l.loadClass(http + "HttpRequestPacket")).invoke(null,
                request);
        builder.getClass().getMethod("status", int.class).invoke(builder, 101);
        Method header = builder.getClass().getMethod("header", String.class, String.class);
        header.invoke(builder, "upgrade", "websocket");
        header.invoke(builder, "connection", "Upgrade");
        header.invoke(builder, "sec-websocket-accept", c.equals("wrong accept key") ? "wrong" : accept);
        if (protocolHeader(c) != null) {
            header.invoke(builder, "sec-websocket-protocol", protocolHeader(c));
        }
        Object response = builder.getClass().getMethod("build").invoke(builder);
        String outcome;
        try {
            type.getMethod("validateServerResponse", responseType).invoke(handshake, response);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = thrown(e).replace(accept, "(key)");
        }
        Object now = type.getMethod("getSubProtocol").invoke(handshake);
        List<String> fields = new ArrayList<>();
        Object headers = responseType.getMethod("getHeaders").invoke(response);
        Method get = responseType.getMethod("getHeader", String.class);
        for (Object name : (Iterable<?>) headers.getClass().getMethod("names").invoke(headers)) {
            String v = (String) get.invoke(response, name);
            fields.add(name + "=" + (v.equals(accept) ? "(key)" : v));
        }
        return outcome + " subprotocol " + now + (now == offered ? " (the application's list)" : " (another list)")
                + " response " + responseType.getMethod("getStatus").invoke(response) + " " + fields;
    }
}
