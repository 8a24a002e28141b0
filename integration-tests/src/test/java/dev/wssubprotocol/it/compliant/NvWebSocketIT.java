package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.NvWebSocketDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/** nv-websocket-client, oldest and newest of the 1.x and 2.x lines: already compliant, left alone. */
class NvWebSocketIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(NvWebSocketDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: every one is Java 5 class files
        return Matrix.of(
                java(8, "1.3"),
                java(8, "1.31"),
                java(8, "2.1"),
                java(8, "2.14"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "nv-websocket-client {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("nv-websocket-client (`com.neovisionaries:nv-websocket-client`)",
                "`WebSocket.getAgreedProtocol()`", version, TARGET, jdk,
                Libraries.classpath("com.neovisionaries:nv-websocket-client:" + version));
    }
}
