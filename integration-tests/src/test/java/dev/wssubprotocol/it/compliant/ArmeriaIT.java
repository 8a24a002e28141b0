package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.ArmeriaDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/**
 * Armeria's WebSocket client, 1.25.0 and 1.40.0 (the newest): already compliant, left alone.
 * 1.40.0 runs in the driver's {@code h1c} mode only ({@code ws+h1c://}, HTTP/1.1 only, as its users reach a
 * WebSocket server that speaks HTTP/1.1): with plain {@code ws://} it first tries HTTP/2 on each connection, with
 * the HTTP/2 preface and then {@code OPTIONS * HTTP/1.1} with {@code Upgrade: h2c} (1.25.0 to 1.37.0 send only the
 * preface before the WebSocket request; the upgrade step after a failed preface came with line/armeria#6738, which
 * the versions Maven Central serves here, 1.37.0 then 1.40.0, show first in 1.40.0). The test's raw server answers
 * every request with a WebSocket 101, so Netty's upgrade handler inside Armeria fails that probe with "Switching
 * Protocols response with unexpected UPGRADE protocol: websocket"; Java-WebSocket's server rejects the probe, and the
 * WebSocket request that follows on that connection ends with ClosedStreamException. Both happen without the agent
 * too.
 */
class ArmeriaIT {
    static Stream<Arguments> versions() {
        // Minimum Java: class files for Java 8 (javap: major version 52) in both
        return Matrix.of(
                java(8, "1.25.0", "default,h1c"),
                java(8, "1.40.0", "h1c"));
    }

    @ParameterizedTest(name = "Armeria {0} ({1}) on {2}")
    @MethodSource("versions")
    void compliant(String version, String modes, Jdks.Jdk jdk) {
        ComplianceContract.check("Armeria `WebSocketClient` (`com.linecorp.armeria:armeria`; 1.40.0 through `ws+h1c://`, HTTP/1.1 only)",
                "`WebSocketSession.subprotocol()`", version,
                new ComplianceContract.Target(ArmeriaDriver.class, modes, "null"), jdk,
                Libraries.classpath("com.linecorp.armeria:armeria:" + version));
    }
}
