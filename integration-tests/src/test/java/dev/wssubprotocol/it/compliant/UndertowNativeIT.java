package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.UndertowNativeDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Undertow's own WebSocket client API ({@code io.undertow.websockets.client.WebSocketClient}), 2.2 (Java 8) and
 * 2.3 (Java 11 and later): already compliant, left alone. It reports null for "none" when it offered
 * subprotocols and "" when it offered none.
 */
class UndertowNativeIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(UndertowNativeDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        return Stream.of("2.2.0.Final", "2.2.38.Final", "2.3.0.Final", "2.3.24.Final")
                .flatMap(v -> Jdks.all().stream()
                        .filter(jdk -> v.startsWith("2.2.") || jdk.major() >= 11)
                        .map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Undertow native client {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("Undertow's own client `io.undertow.websockets.client.WebSocketClient` (`io.undertow:undertow-core`)",
                "`WebSocketChannel.getSubProtocol()`", version, TARGET, jdk,
                Libraries.classpath("io.undertow:undertow-core:" + version));
    }
}
