package dev.wssubprotocol.it.shaded;

import dev.wssubprotocol.it.driver.NettyDriver;
import dev.wssubprotocol.it.support.Contract;
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
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/**
 * Relocated (shaded) copies of Netty inside other artifacts: the agent finds the handshaker by name suffix and
 * shape, not by a list of prefixes. The same NettyDriver, its class files moved onto the copy's packages, runs
 * the whole contract in both modes.
 */
class ShadedNettyIT {
    /** artifact, and the prefix its build put before io.netty (internal form) */
    static Stream<Arguments> copies() {
        // Minimum Java: grpc-java 1.85 is Java 8 class files (its documented baseline), its Netty 4.2 copy too but for
        // a few Java 11 ones it loads only on 9 and later; hbase-thirdparty's Netty 4.1 copy is Java 6 class files
        return Matrix.of(
                // Netty 4.2.17.Final inside
                java(8, "io.grpc:grpc-netty-shaded:1.85.1", "io/grpc/netty/shaded/"),
                // Netty 4.1.123.Final inside; 5 MB, no dependencies: the lightest of the shaded copies
                java(8, "org.apache.hbase.thirdparty:hbase-shaded-netty:4.1.12", "org/apache/hbase/thirdparty/"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("copies")
    void contract(String artifact, String prefix, Jdks.Jdk jdk) {
        String[] gav = artifact.split(":");
        Contract.Target target = new Contract.Target(
                "Netty relocated inside `" + gav[0] + ":" + gav[1] + "` (recognised by shape, patch `netty`)",
                "`actualSubprotocol()`", "netty",
                prefix.replace('/', '.') + "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
                NettyDriver.class, "handshaker,protocol-handler", "null");
        Path driver = Relocation.driver(NettyDriver.class, "io/netty/", prefix);
        Contract.check(target, gav[2], jdk, Libraries.classpath(artifact), List.of(driver));
    }
}
