package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.JakartaWebSocketDriver;
import dev.wssubprotocol.it.driver.JavaxWebSocketDriver;
import dev.wssubprotocol.it.driver.JettyDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.DriverCompiler;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/**
 * Jetty's clients, oldest and newest of 9.4, 10, 11, 12.0 and 12.1: the native WebSocketClient, and the JSR-356
 * client (javax in 9.4 and 10; jakarta in 11, ee10's in 12.0, ee11's in 12.1, published from 12.1.3).
 * Already compliant, left alone.
 */
class JettyIT {
    static final ComplianceContract.Target NATIVE_12 =
            new ComplianceContract.Target(JettyDriver.class, "default", "null");
    /** compiled by the test against each of 9.4, 10 and 11 (see the source) */
    static final ComplianceContract.Target NATIVE_CLASSIC =
            new ComplianceContract.Target("dev.wssubprotocol.it.driver.JettyClassicDriver", "default", "null", null);
    static final String NATIVE_NAME = "Jetty WebSocket client, its own API (`websocket-client` 9.4, `websocket-jetty-client` 10/11,"
            + " `jetty-websocket-jetty-client` 12)";
    static final String NATIVE_REPORTED_BY = "`UpgradeResponse.getAcceptedSubProtocol()`";
    static final String CLASSIC_SOURCE = "drivers/JettyClassicDriver.java";

    @TempDir
    static Path compiled;

    static Stream<Arguments> nativeClients() {
        // Minimum Java: class files for Java 8 (9.4), 11 (10, 11) and 17 (12), Jetty's documented baselines
        return Matrix.of(
                java(8, "org.eclipse.jetty.websocket:websocket-client:9.4.0.v20161208"),
                java(8, "org.eclipse.jetty.websocket:websocket-client:9.4.58.v20250814"),
                java(11, "org.eclipse.jetty.websocket:websocket-jetty-client:10.0.0"),
                java(11, "org.eclipse.jetty.websocket:websocket-jetty-client:10.0.25"),
                java(11, "org.eclipse.jetty.websocket:websocket-jetty-client:11.0.0"),
                java(11, "org.eclipse.jetty.websocket:websocket-jetty-client:11.0.26"),
                java(17, "org.eclipse.jetty.websocket:jetty-websocket-jetty-client:12.0.0"),
                java(17, "org.eclipse.jetty.websocket:jetty-websocket-jetty-client:12.0.35"),
                java(17, "org.eclipse.jetty.websocket:jetty-websocket-jetty-client:12.1.0"),
                java(17, "org.eclipse.jetty.websocket:jetty-websocket-jetty-client:12.1.14"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("nativeClients")
    void nativeClient(String coordinate, Jdks.Jdk jdk) {
        String version = coordinate.substring(coordinate.lastIndexOf(':') + 1);
        List<Path> library = Libraries.classpath(coordinate);
        if (version.startsWith("12.")) {
            ComplianceContract.check(NATIVE_NAME, NATIVE_REPORTED_BY, version, NATIVE_12, jdk, library);
        } else {
            List<Path> classpath = new ArrayList<>();
            classpath.add(DriverCompiler.compile(CLASSIC_SOURCE, library, compiled.resolve(version)));
            classpath.addAll(library);
            ComplianceContract.check(NATIVE_NAME, NATIVE_REPORTED_BY, version, NATIVE_CLASSIC, jdk, classpath);
        }
    }

    static Stream<Arguments> jsrClients() {
        String javax = "org.eclipse.jetty.websocket.jsr356.ClientContainer";
        String javax10 = "org.eclipse.jetty.websocket.javax.client.internal.JavaxWebSocketClientContainer";
        String jakarta11 = "org.eclipse.jetty.websocket.jakarta.client.JakartaWebSocketClientContainer";
        String jakarta11Late = "org.eclipse.jetty.websocket.jakarta.client.internal.JakartaWebSocketClientContainer";
        String ee10 = "org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer";
        String ee11 = "org.eclipse.jetty.ee11.websocket.jakarta.client.JakartaWebSocketClientContainer";
        // Minimum Java: as for the native client
        return Matrix.of(
                java(8, "org.eclipse.jetty.websocket:javax-websocket-client-impl:9.4.0.v20161208", javax),
                java(8, "org.eclipse.jetty.websocket:javax-websocket-client-impl:9.4.58.v20250814", javax),
                java(11, "org.eclipse.jetty.websocket:websocket-javax-client:10.0.0", javax10),
                java(11, "org.eclipse.jetty.websocket:websocket-javax-client:10.0.26", javax10),
                java(11, "org.eclipse.jetty.websocket:websocket-jakarta-client:11.0.0", jakarta11),
                java(11, "org.eclipse.jetty.websocket:websocket-jakarta-client:11.0.26", jakarta11Late),
                java(17, "org.eclipse.jetty.ee10.websocket:jetty-ee10-websocket-jakarta-client:12.0.0", ee10),
                java(17, "org.eclipse.jetty.ee10.websocket:jetty-ee10-websocket-jakarta-client:12.0.36", ee10),
                java(17, "org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jakarta-client:12.1.3", ee11),
                java(17, "org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jakarta-client:12.1.14", ee11));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("jsrClients")
    void jsrClient(String coordinate, String container, Jdks.Jdk jdk) {
        boolean javax = coordinate.contains("javax");
        ComplianceContract.Target target = new ComplianceContract.Target(
                javax ? JavaxWebSocketDriver.class : JakartaWebSocketDriver.class, "default", "\"\"")
                .withStderrLine("CONTAINER " + container);
        ComplianceContract.check("Jetty JSR-356 client (javax 9.4/10, jakarta 11, ee10 12.0, ee11 12.1)",
                "`Session.getNegotiatedSubprotocol()`", coordinate.substring(coordinate.lastIndexOf(':') + 1), target, jdk,
                Libraries.classpath(coordinate));
    }
}
