package dev.wssubprotocol.it.micronaut;

import dev.wssubprotocol.it.driver.MicronautDriver;
import dev.wssubprotocol.it.support.Contract;
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
 * Micronaut's WebSocketClient with {@code @ClientWebSocket} endpoints (on Netty's handshaker): a 4.10 release, the
 * one the driver's endpoints were processed with at compile time. The client's registry needs a JsonMapper bean, so
 * the class path has micronaut-jackson-databind as a Micronaut application's does.
 */
class MicronautIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Micronaut `WebSocketClient` (`io.micronaut:micronaut-http-client`)",
            "`WebSocketSession.getSubprotocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            MicronautDriver.class, "default", "Optional.empty");

    static Stream<Arguments> versions() {
        // Minimum Java: Micronaut 4 is Java 17 class files (its documented baseline), as are the classes its
        // annotation processor generated for the driver
        return Matrix.of(java(17, "4.10.26"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Micronaut {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("io.micronaut:micronaut-http-client:" + version,
                "io.micronaut:micronaut-jackson-databind:" + version));
    }
}
