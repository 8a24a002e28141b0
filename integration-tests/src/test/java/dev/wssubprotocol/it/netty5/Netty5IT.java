package dev.wssubprotocol.it.netty5;

import dev.wssubprotocol.agent.netty5.Netty5Patch;
import dev.wssubprotocol.it.driver.Netty5Driver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.EmptyContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import dev.wssubprotocol.it.support.Relocation;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/** Netty 5 ({@code io.netty5}), every alpha released there, plain handshaker and WebSocketClientProtocolHandler. */
class Netty5IT {
    static final Contract.Target TARGET = new Contract.Target(
            "Netty 5 `WebSocketClientHandshaker`, by hand and with `WebSocketClientProtocolHandler` (`" + Netty5Patch.LIBRARY + "`)",
            "`actualSubprotocol()`", Netty5Patch.ID,
            Netty5Patch.TYPE,
            Netty5Driver.class, "handshaker,protocol-handler", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: every alpha is Java 11 class files
        return Matrix.of(
                java(11, "5.0.0.Alpha3"),
                java(11, "5.0.0.Alpha4"),
                java(11, "5.0.0.Alpha5"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Netty {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        // the driver is compiled against Alpha5; before it, BufferAllocator lived in io.netty5.buffer.api
        List<Path> driver = version.equals("5.0.0.Alpha5") ? List.of() : List.of(Relocation.driver(Netty5Driver.class,
                Map.of("io/netty5/buffer/BufferAllocator", "io/netty5/buffer/api/BufferAllocator")));
        List<Path> library = Libraries.classpath(Netty5Patch.LIBRARY + ":" + version);
        EmptyContract.check(TARGET, jdk, library, driver, Contract.check(TARGET, version, jdk, library, driver));
    }
}
