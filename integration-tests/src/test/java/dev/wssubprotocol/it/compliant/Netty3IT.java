package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.Netty3Driver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Netty 3's WebSocket client handshaker (org.jboss.netty), the last release: already compliant, left alone. */
class Netty3IT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(Netty3Driver.class, "default", "null");

    static Stream<Arguments> versions() {
        return Stream.of("3.10.6.Final").flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Netty 3 {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("Netty 3 `WebSocketClientHandshaker` (`io.netty:netty`, package `org.jboss.netty`)",
                "`getActualSubprotocol()`", version, TARGET, jdk, Libraries.classpath("io.netty:netty:" + version));
    }
}
