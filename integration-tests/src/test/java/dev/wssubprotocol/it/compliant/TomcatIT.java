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
 * Tomcat's JSR-356 client (tomcat-websocket, with tomcat-api, which it needs at run time but does not declare):
 * oldest and newest of 9.0 (javax), 10.1 and 11.0 (jakarta). Already compliant, left alone.
 */
class TomcatIT {
    static final String CONTAINER = "CONTAINER org.apache.tomcat.websocket.WsWebSocketContainer";

    static Stream<Arguments> versions() {
        return Stream.of("9.0.1", "9.0.117", "10.1.0", "10.1.48", "11.0.1", "11.0.18")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

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
