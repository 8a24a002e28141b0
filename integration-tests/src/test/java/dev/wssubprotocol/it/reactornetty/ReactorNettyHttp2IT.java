package dev.wssubprotocol.it.reactornetty;

import dev.wssubprotocol.agent.reactornettyhttp2.ReactorNettyHttp2Patch;
import dev.wssubprotocol.it.driver.ReactorNettyDriver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.EmptyContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/**
 * Reactor Netty's WebSockets over HTTP/2 (RFC 8441), its own handshaker: the first release that has it (1.2.5),
 * the newest 1.2 and a 1.3, against Reactor Netty's HTTP/2 server (support/Http2Server). 1.3.7, not 1.3.8: 1.3.8
 * depends on Netty 4.2.19.Final's native jars (epoll, QUIC, by OS classifier), which Maven Central does not serve
 * here, so its class path cannot be resolved; its handshaker's finishHandshake is the same bytecode as 1.2.5's.
 */
class ReactorNettyHttp2IT {
    static final Contract.Target TARGET = new Contract.Target(
            "Reactor Netty `HttpClient.websocket()` over HTTP/2, RFC 8441 (`" + ReactorNettyHttp2Patch.LIBRARY + "`)",
            "`selectedSubprotocol()`", ReactorNettyHttp2Patch.ID,
            ReactorNettyHttp2Patch.TYPE,
            ReactorNettyDriver.class, "http2", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: Java 8 class files, Reactor Netty and Reactor Core alike (1.3's Netty 4.2 also holds a few
        // Java 11 class files, which it loads only on 9 and later)
        return Matrix.of(
                java(8, "1.2.5"),
                java(8, "1.2.18"),
                java(8, "1.3.7"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Reactor Netty {0} over HTTP/2 on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath(ReactorNettyHttp2Patch.LIBRARY + ":" + version);
        EmptyContract.check(TARGET, jdk, library, Contract.check(TARGET, version, jdk, library));
    }
}
