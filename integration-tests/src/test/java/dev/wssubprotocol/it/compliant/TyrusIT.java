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
 * Tyrus, the JSR-356 reference implementation, as its standalone client bundle: oldest and newest of 1.x (javax)
 * and 2.x (jakarta). Already compliant, left alone.
 */
class TyrusIT {
    static final String CONTAINER = "CONTAINER org.glassfish.tyrus.client.ClientManager";

    static Stream<Arguments> versions() {
        // Minimum Java: class files for Java 6 (1.3), 8 (1.22, 2.0.0) and 11 (2.2.2)
        return Matrix.of(
                java(8, "1.3"),
                java(8, "1.22"),
                java(8, "2.0.0"),
                java(11, "2.2.2"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Tyrus {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.Target target = new ComplianceContract.Target(version.startsWith("1.")
                ? JavaxWebSocketDriver.class : JakartaWebSocketDriver.class, "default", "\"\"").withStderrLine(CONTAINER);
        ComplianceContract.check("Tyrus JSR-356 client (`org.glassfish.tyrus.bundles:tyrus-standalone-client`)",
                "`Session.getNegotiatedSubprotocol()`", version, target, jdk,
                Libraries.classpath("org.glassfish.tyrus.bundles:tyrus-standalone-client:" + version));
    }
}
