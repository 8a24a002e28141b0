package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.Case;
import dev.wssubprotocol.it.driver.Driver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.DriverCompiler;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Helidon 4's WebSocket client {@code WsClient}, 4.1.1 (the oldest 4.x whose artifact Maven Central serves here;
 * 4.0.x did not resolve) and 4.2.0 (the newest served): already accepts a response without
 * {@code Sec-WebSocket-Protocol}, left alone. It never reads that response header: {@code WsClientImpl.connect}
 * hands the session the first value of its own request's {@code Sec-WebSocket-Protocol}, so
 * {@code WsSession.subProtocol()} is the first subprotocol it offered, whatever the server sent (none, another
 * offered one, one not offered, an empty value). The agent does not change that; the test shows it.
 *
 * <p>The driver (test resource drivers/HelidonDriver.java) is compiled here by the javac of the JDK it runs on:
 * Helidon 4's class files are Java 21, which the build's JDK 17 cannot read.
 */
class HelidonIT {
    static final String SOURCE = "drivers/HelidonDriver.java";
    /**
     * The case against Java-WebSocket's server fails, without the agent too, before any header is read: that server
     * answers "101 Web Socket Protocol Handshake", and {@code Http1ClientRequestImpl.upgrade} takes the upgrade as
     * done only when the status is the very object {@code Status.SWITCHING_PROTOCOLS_101}, which
     * {@code Status.create(101, reason)} returns only for the reason phrase "Switching Protocols".
     */
    static final ComplianceContract.Target TARGET = new ComplianceContract.Target(
            "dev.wssubprotocol.it.driver.HelidonDriver", "default", "Optional[chat]", null)
            .withOtherFailure(Case.OFFERED_OMITTED_LIBRARY_SERVER, "io.helidon.webclient.websocket.WsClientException:"
                    + " Failed to upgrade to WebSocket. Response: 101 Web Socket Protocol Handshake");

    @TempDir
    static Path compiled;

    static Stream<Arguments> versions() {
        // Minimum Java: class files for Java 21 (javap: major version 65)
        return Matrix.of(java(21, "4.1.1"), java(21, "4.2.0"));
    }

    @ParameterizedTest(name = "Helidon WsClient {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath("io.helidon.webclient:helidon-webclient-websocket:" + version);
        List<Path> classpath = new ArrayList<>();
        classpath.add(DriverCompiler.compile(SOURCE, library, compiled.resolve(version), jdk, 21));
        classpath.addAll(library);
        Map<String, String> plain = ComplianceContract.check("Helidon 4 `WsClient` (`io.helidon.webclient:helidon-webclient-websocket`;"
                        + " it fails any 101 whose reason phrase is not \"Switching Protocols\", with or without the agent)",
                "not what the server chose but always the first subprotocol offered (offered `chat, superchat`,"
                        + " none chosen): `WsSession.subProtocol()`", version, TARGET, jdk, classpath);
        // the server's answer plays no part: the first offered value whether it chose another one, one not
        // offered, or sent an empty value; and nothing when nothing was offered, even if the server named one
        String first = "OK subprotocol=Optional[chat] echo=" + Driver.MESSAGE;
        assertEquals(first, plain.get("default:" + Case.OFFERED_SELECTED), "server chose superchat");
        assertEquals(first, plain.get("default:" + Case.UNREQUESTED), "server chose evil");
        assertEquals(first, plain.get("default:" + Case.EMPTY_VALUE), "server sent an empty value");
        assertEquals("OK subprotocol=Optional.empty echo=" + Driver.MESSAGE,
                plain.get("default:" + Case.NONE_OFFERED_SERVER_PICK), "offered nothing, server chose chat");
    }
}
