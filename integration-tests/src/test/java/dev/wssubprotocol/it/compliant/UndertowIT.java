package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.JakartaWebSocketDriver;
import dev.wssubprotocol.it.driver.JavaxWebSocketDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Undertow's JSR-356 client (undertow-websockets-jsr, its default container): oldest and newest of 2.2 (javax)
 * and 2.3 (jakarta). Already compliant, left alone.
 */
class UndertowIT {
    static final String CONTAINER = "CONTAINER io.undertow.websockets.jsr.ServerWebSocketContainer";

    static Stream<Arguments> versions() {
        return Stream.of("2.2.0.Final", "2.2.38.Final", "2.3.0.Final", "2.3.24.Final")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Undertow {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.Target target = new ComplianceContract.Target(version.startsWith("2.2.")
                ? JavaxWebSocketDriver.class : JakartaWebSocketDriver.class, "default", "\"\"").withStderrLine(CONTAINER);
        ComplianceContract.check("Undertow JSR-356 client (`io.undertow:undertow-websockets-jsr`)",
                "`Session.getNegotiatedSubprotocol()`", version, target, jdk, Libraries.classpath("io.undertow:undertow-websockets-jsr:" + version));
    }
}
