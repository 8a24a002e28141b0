package dev.wssubprotocol.it.akka;

import dev.wssubprotocol.agent.akkahttp.AkkaHttpPatch;
import dev.wssubprotocol.it.driver.AkkaHttpDriver;
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
import java.util.Map;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/**
 * Akka HTTP's Java WebSocket client, 10.0.0 (Scala 2.12; no 2.13 build exists) to 10.5.3, the newest release on
 * Maven Central, for Scala 2.12, 2.13 and 3. From 10.1 on akka-http leaves akka-stream to the application: each
 * release runs with the version its pom names. Before 10.1.10 the Java API offers exactly one subprotocol, so the
 * driver offers only the first of each case ({@code offer-first}); from 10.1.10 on it offers the list.
 */
class AkkaHttpIT {
    static Stream<Arguments> versions() {
        // Minimum Java: every one is Java 8 class files (Scala 2.12, 2.13 and 3 emit Java 8 bytecode); akka-stream
        // 2.5.23 and 2.7.0 also hold a few Java 11 class files, its java.util.concurrent.Flow adapters, which load
        // only when an application asks for them. Akka 2.5 to 2.7 document Java 8 as supported.
        return Matrix.of(
                akka(8, "2.12", "10.0.0", null, "offer-first"),
                akka(8, "2.12", "10.1.9", "2.5.23", "offer-first"),
                akka(8, "2.13", "10.1.10", "2.5.23", "offer-list"),
                akka(8, "2.12", "10.5.3", "2.7.0", "offer-list"),
                akka(8, "2.13", "10.5.3", "2.7.0", "offer-list"),
                akka(8, "3", "10.5.3", "2.7.0", "offer-list"));
    }

    /**
     * @param scala  the Scala binary version
     * @param stream the akka-stream version, null where akka-http-core has it as a compile dependency
     * @param mode   the driver's mode
     */
    static Matrix.Version akka(int minJava, String scala, String http, String stream, String mode) {
        return java(minJava, http + " (_" + scala + ")", new String[] {scala, http, stream, mode});
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Akka HTTP {0} on {2}")
    @MethodSource("versions")
    void contract(String name, String[] v, Jdks.Jdk jdk) {
        Contract.Target target = new Contract.Target(
                "Akka HTTP `Http.singleWebSocketRequest` (`" + AkkaHttpPatch.LIBRARY + "`; before 10.1.10 the Java API offers one subprotocol)",
                "`WebSocketUpgradeResponse.chosenSubprotocol()`", AkkaHttpPatch.ID, AkkaHttpPatch.TYPE,
                AkkaHttpDriver.class, v[3], "Optional.empty");
        String http = AkkaHttpPatch.LIBRARY + "_" + v[0] + ":" + v[1];
        List<Path> library = v[2] == null ? Libraries.classpath(http)
                : Libraries.classpath(http, "com.typesafe.akka:akka-stream_" + v[0] + ":" + v[2]);
        Map<String, String> withDefaults = Contract.check(target, name, jdk, library);
        // 10.0.0 never completes a handshake whose Sec-WebSocket-Protocol is empty (a timeout, without the agent as
        // with it): the validation the patch changes is not reached, so empty=absent has nothing to rescue there
        if (!v[1].equals("10.0.0")) {
            EmptyContract.check(target, jdk, library, withDefaults);
        }
    }
}
