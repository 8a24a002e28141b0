package dev.wssubprotocol.it.pekko;

import dev.wssubprotocol.agent.pekkohttp.PekkoHttpPatch;
import dev.wssubprotocol.it.driver.PekkoHttpDriver;
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
 * Pekko HTTP's Java WebSocket client, oldest to newest release on Maven Central, for Scala 2.13 and 3. Each
 * release runs with the pekko-stream version its pom names (pekko-http leaves that module to the application).
 */
class PekkoHttpIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Apache Pekko HTTP `Http.singleWebSocketRequest` (`" + PekkoHttpPatch.LIBRARY + "`)",
            "`WebSocketUpgradeResponse.chosenSubprotocol()`", PekkoHttpPatch.ID,
            PekkoHttpPatch.TYPE,
            PekkoHttpDriver.class, "default", "Optional.empty");

    static Stream<Arguments> versions() {
        // Minimum Java: Java 8 class files (pekko-stream 1.0 and 1.1 also hold a few Java 11 ones, its
        // java.util.concurrent.Flow adapters, loaded only when an application asks for them); Pekko 1.x documents
        // Java 8 as supported.
        return Matrix.of(
                pekko(8, "2.13", "1.0.0", "1.0.1"),
                pekko(8, "2.13", "1.3.0", "1.1.5"),
                pekko(8, "3", "1.3.0", "1.1.5"));
    }

    /**
     * @param scala  the Scala binary version
     * @param stream the pekko-stream version
     */
    static Matrix.Version pekko(int minJava, String scala, String http, String stream) {
        return java(minJava, http + " (_" + scala + ")", new String[] {scala, http, stream});
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Pekko HTTP {0} on {2}")
    @MethodSource("versions")
    void contract(String name, String[] v, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath(PekkoHttpPatch.LIBRARY + "_" + v[0] + ":" + v[1],
                "org.apache.pekko:pekko-stream_" + v[0] + ":" + v[2]);
        EmptyContract.check(TARGET, jdk, library, Contract.check(TARGET, name, jdk, library));
    }
}
