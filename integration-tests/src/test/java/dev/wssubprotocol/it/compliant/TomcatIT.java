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
 * Tomcat's JSR-356 client (tomcat-websocket, with tomcat-api, which it needs at run time but does not declare):
 * oldest and newest of 9.0 (javax), 10.1 and 11.0 (jakarta). Already compliant, left alone.
 */
class TomcatIT {
    static final String CONTAINER = "CONTAINER org.apache.tomcat.websocket.WsWebSocketContainer";

    static Stream<Arguments> versions() {
        // Minimum Java: class files for Java 8 (9.0), 11 (10.1) and 17 (11.0), Tomcat's documented baselines
        return Matrix.of(
                java(8, "9.0.1"),
                java(8, "9.0.117"),
                java(11, "10.1.0"),
                java(11, "10.1.48"),
                java(17, "11.0.1"),
                java(17, "11.0.18"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Tomcat {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.Target target = new ComplianceContract.Target(version.startsWith("9.")
                ? JavaxWebSocketDriver.class : JakartaWebSocketDriver.class, "default", "\"\"").withStderrLine(CONTAINER);
        ComplianceContract.check("Tomcat JSR-356 client (`org.apache.tomcat:tomcat-websocket`)",
                "`Session.getNegotiatedSubprotocol()`", version, target, jdk, Libraries.classpath(
                "org.apache.tomcat:tomcat-websocket:" + version, "org.apache.tomcat:tomcat-api:" + version));
    }
}
