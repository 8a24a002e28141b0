package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.JakartaWebSocketDriver;
import dev.wssubprotocol.it.driver.JavaxWebSocketDriver;
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
 * Undertow's JSR-356 client (undertow-websockets-jsr, its default container): oldest and newest of 2.2 (javax)
 * and 2.3 (jakarta). Already compliant, left alone.
 */
class UndertowIT {
    static final String CONTAINER = "CONTAINER io.undertow.websockets.jsr.ServerWebSocketContainer";

    static Stream<Arguments> versions() {
        // Minimum Java: 2.2 is Java 8 class files, 2.3 Java 11
        return Matrix.of(
                java(8, "2.2.0.Final"),
                java(8, "2.2.38.Final"),
                java(11, "2.3.0.Final"),
                java(11, "2.3.24.Final"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Undertow {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.Target target = new ComplianceContract.Target(version.startsWith("2.2.")
                ? JavaxWebSocketDriver.class : JakartaWebSocketDriver.class, "default", "\"\"").withStderrLine(CONTAINER);
        ComplianceContract.check("Undertow JSR-356 client (`io.undertow:undertow-websockets-jsr`)",
                "`Session.getNegotiatedSubprotocol()`", version, target, jdk, Libraries.classpath("io.undertow:undertow-websockets-jsr:" + version));
    }
}
