package dev.wssubprotocol.it.netty;

import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.it.driver.NettyDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
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

/** Netty's own client, plain handshaker and WebSocketClientProtocolHandler, oldest to newest line. */
class NettyIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Netty `WebSocketClientHandshaker`, by hand and with `WebSocketClientProtocolHandler` (`"
                    + NettyPatch.LIBRARY + "`)",
            "`actualSubprotocol()`", NettyPatch.ID, NettyPatch.TYPE,
            NettyDriver.class, "handshaker,protocol-handler", "null");

    static Stream<Arguments> versions() {
        // 4.0.24: the oldest supported; 4.1.53 -> 4.1.54: the exception type changes (WebSocketClientHandshakeException).
        // Minimum Java: 4.0 and 4.1 are class files for Java 6; 4.2's are Java 8 (netty-common's shaded JCTools
        // VarHandle queues are Java 11 class files, which it loads only on 9 and later).
        return Matrix.of(
                java(8, "4.0.24.Final"),
                java(8, "4.0.56.Final"),
                java(8, "4.1.0.Final"),
                java(8, "4.1.53.Final"),
                java(8, "4.1.54.Final"),
                java(8, "4.1.140.Final"),
                java(8, "4.2.20.Final"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Netty {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath(NettyPatch.LIBRARY + ":" + version);
        EmptyContract.check(TARGET, jdk, library, Contract.check(TARGET, version, jdk, library));
    }

    /**
     * Versions whose finishHandshake never checks the subprotocol: not strict, left unchanged with one line.
     * (io.netty:netty-codec-http:5.0.0.Alpha1 is not strict either, but the driver does not link against its
     * transport API; ScanIT covers it.)
     */
    static Stream<Arguments> notStrict() {
        return Stream.of("4.0.23.Final", "4.1.0.Beta3")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Netty {0} on {1}")
    @MethodSource("notStrict")
    void notStrictVersionsAreLeftAlone(String version, Jdks.Jdk jdk) {
        ComplianceContract.check(new ComplianceContract.Target(NettyDriver.class, "handshaker,protocol-handler", "null")
                .withAgentLine("[ws-subprotocol-agent] not needed for " + TARGET.patchedClass() + " (system, version "
                        + version + "): finishHandshake never compares the response's subprotocol"),
                jdk, Libraries.classpath(NettyPatch.LIBRARY + ":" + version));
    }
}
