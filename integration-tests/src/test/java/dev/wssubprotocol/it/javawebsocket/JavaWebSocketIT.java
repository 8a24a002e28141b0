package dev.wssubprotocol.it.javawebsocket;

import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.it.driver.JavaWebSocketDriver;
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

/** Java-WebSocket's client: before and after the 1.4.0 HandshakeState move, and the newest release. */
class JavaWebSocketIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Java-WebSocket (`" + JavaWebSocketPatch.LIBRARY + "`)",
            "`getDraft().getProtocol().getProvidedProtocol()`", JavaWebSocketPatch.ID,
            JavaWebSocketPatch.TYPE, JavaWebSocketDriver.class, "default", "\"\"");

    static Stream<Arguments> versions() {
        // 1.3.7: the oldest with IProtocol (the lower bound of the patch); 1.4.x: HandshakeState moved to enums.
        // Minimum Java: class files for Java 5 (1.3.7), 6 (1.3.9, 1.4.1) and 7 (1.5.2); 1.5.7 and 1.6.0 are Java 7
        // and their slf4j-api 2.0 is Java 8.
        return Matrix.of(
                java(8, "1.3.7"),
                java(8, "1.3.9"),
                java(8, "1.4.1"),
                java(8, "1.5.2"),
                java(8, "1.5.7"),
                java(8, "1.6.0"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Java-WebSocket {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath(JavaWebSocketPatch.LIBRARY + ":" + version);
        EmptyContract.check(TARGET, jdk, library, Contract.check(TARGET, version, jdk, library));
    }
}
