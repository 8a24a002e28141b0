package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.ArmeriaDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Armeria's WebSocket client, 1.25.0: already compliant, left alone. (1.40.0, the newest, fails every case with this
 * driver, without the agent too: "Switching Protocols response with unexpected UPGRADE protocol: websocket";
 * not yet looked into.)
 */
class ArmeriaIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(ArmeriaDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Java 8 class files (javap: major version 52)
        return Stream.of("1.25.0").flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Armeria {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("Armeria `WebSocketClient` (`com.linecorp.armeria:armeria`)",
                "`WebSocketSession.subprotocol()`", version, TARGET, jdk,
                Libraries.classpath("com.linecorp.armeria:armeria:" + version));
    }
}
