package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.AsyncHttpClientDriver;
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

/**
 * AsyncHttpClient, oldest and newest of the 2.12 and 3.0 lines. It runs on Netty but does its own WebSocket
 * handshake, without Netty's WebSocketClientHandshaker: already compliant, and the agent patches nothing.
 */
class AsyncHttpClientIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(AsyncHttpClientDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: 2.12 is Java 8 class files, 3.0 Java 11
        return Matrix.of(
                java(8, "2.12.0"),
                java(8, "2.12.4"),
                java(11, "3.0.0"),
                java(11, "3.0.13"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "AsyncHttpClient {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("AsyncHttpClient (`org.asynchttpclient:async-http-client`)",
                "the upgrade response's `Sec-WebSocket-Protocol`", version, TARGET, jdk,
                Libraries.classpath("org.asynchttpclient:async-http-client:" + version));
    }
}
