package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.NvWebSocketDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** nv-websocket-client, oldest and newest of the 1.x and 2.x lines: already compliant, left alone. */
class NvWebSocketIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(NvWebSocketDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        return Stream.of("1.3", "1.31", "2.1", "2.14")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "nv-websocket-client {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("nv-websocket-client (`com.neovisionaries:nv-websocket-client`)",
                "`WebSocket.getAgreedProtocol()`", version, TARGET, jdk,
                Libraries.classpath("com.neovisionaries:nv-websocket-client:" + version));
    }
}
