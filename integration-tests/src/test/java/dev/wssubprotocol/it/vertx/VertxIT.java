package dev.wssubprotocol.it.vertx;

import dev.wssubprotocol.it.driver.VertxDriver;
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

/** Vert.x core's WebSocketClient (on Netty's handshaker): the 4.5 line and the newest 5.x release. */
class VertxIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Vert.x `WebSocketClient` (`io.vertx:vertx-core`)", "`WebSocket.subProtocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            VertxDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: 4.5 is Java 8 class files, 5.x Java 11
        return Matrix.of(
                java(8, "4.5.36"),
                java(11, "5.2.3"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Vert.x {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("io.vertx:vertx-core:" + version));
    }
}
