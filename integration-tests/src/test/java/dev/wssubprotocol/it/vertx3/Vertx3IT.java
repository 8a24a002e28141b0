package dev.wssubprotocol.it.vertx3;

import dev.wssubprotocol.it.driver.Vertx3Driver;
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

/** Vert.x 3 core's HttpClient WebSockets (on Netty's handshaker): the newest 3.9 release. */
class Vertx3IT {
    static final Contract.Target TARGET = new Contract.Target(
            "Vert.x 3 `HttpClient.webSocket()` (`io.vertx:vertx-core`)", "`WebSocket.subProtocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            Vertx3Driver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: Java 8 class files (Vert.x 3.9 and its Netty 4.1)
        return Matrix.of(java(8, "3.9.16"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Vert.x {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("io.vertx:vertx-core:" + version));
    }
}
