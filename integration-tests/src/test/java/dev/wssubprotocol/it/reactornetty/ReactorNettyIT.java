package dev.wssubprotocol.it.reactornetty;

import dev.wssubprotocol.it.driver.ReactorNettyDriver;
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

/** Reactor Netty's HTTP client (on Netty's handshaker): the 1.0 line and the newest 1.2 release. */
class ReactorNettyIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Reactor Netty `HttpClient.websocket()` (`io.projectreactor.netty:reactor-netty-http`)",
            "`selectedSubprotocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            ReactorNettyDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: Java 8 class files, Reactor Netty and Reactor Core alike
        return Matrix.of(
                java(8, "1.0.48"),
                java(8, "1.2.18"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Reactor Netty {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("io.projectreactor.netty:reactor-netty-http:" + version));
    }
}
