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
 * The WebSocket client of Jetty 7 and 8 ({@code org.eclipse.jetty:jetty-websocket}), first and last of 7.6 and 8.1:
 * already accepts a response without {@code Sec-WebSocket-Protocol}, left alone. Its handshake never reads that
 * response header ({@code WebSocketClientFactory$HandshakeConnection} checks only Sec-WebSocket-Accept), and the
 * connection's {@code getProtocol()} is the string it offered, "chat, superchat", whatever the server sent.
 */
class JettyLegacyIT {
    static final String SOURCE = "drivers/Jetty8Driver.java";
    static final ComplianceContract.Target TARGET = new ComplianceContract.Target(
            "dev.wssubprotocol.it.driver.Jetty8Driver", "default", "\"chat, superchat\"", null);

    @TempDir
    static Path compiled;

    static Stream<Arguments> versions() {
        // Minimum Java: class files for Java 5 (7.6) and 6 (8.1); the lowest tested is 8
        return Matrix.of(java(8, "7.6.0.v20120127"), java(8, "7.6.21.v20160908"),
                java(8, "8.1.0.v20120127"), java(8, "8.1.22.v20160922"));
    }

    @ParameterizedTest(name = "Jetty {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath("org.eclipse.jetty:jetty-websocket:" + version);
        List<Path> classpath = new ArrayList<>();
        classpath.add(DriverCompiler.compile(SOURCE, library, compiled.resolve(version)));
        classpath.addAll(library);
        Map<String, String> plain = ComplianceContract.check("Jetty 7 and 8 WebSocket client (`org.eclipse.jetty:jetty-websocket`)",
                "not what the server chose but the whole string it offered: `WebSocket.Connection.getProtocol()`",
                version, TARGET, jdk, classpath);
        // the server's answer plays no part: the offered string whether it chose one value, one not offered, or
        // sent an empty value; null when nothing was offered, even if the server named one
        String offered = "OK subprotocol=\"chat, superchat\" echo=" + Driver.MESSAGE;
        assertEquals(offered, plain.get("default:" + Case.OFFERED_SELECTED), "server chose superchat");
        assertEquals(offered, plain.get("default:" + Case.UNREQUESTED), "server chose evil");
        assertEquals(offered, plain.get("default:" + Case.EMPTY_VALUE), "server sent an empty value");
        assertEquals("OK subprotocol=null echo=" + Driver.MESSAGE,
                plain.get("default:" + Case.NONE_OFFERED_SERVER_PICK), "offered nothing, server chose chat");
    }
}
