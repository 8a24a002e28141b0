package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.AsyncHttpClientDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * AsyncHttpClient, oldest and newest of the 2.12 and 3.0 lines. It runs on Netty but does its own WebSocket
 * handshake, without Netty's WebSocketClientHandshaker: already compliant, and the agent patches nothing.
 */
class AsyncHttpClientIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(AsyncHttpClientDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        return Stream.of("2.12.0", "2.12.4", "3.0.0", "3.0.13")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "AsyncHttpClient {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("AsyncHttpClient (`org.asynchttpclient:async-http-client`)",
                "the upgrade response's `Sec-WebSocket-Protocol`", version, TARGET, jdk,
                Libraries.classpath("org.asynchttpclient:async-http-client:" + version));
    }
}
