package dev.wssubprotocol.it.pekko;

import dev.wssubprotocol.it.driver.PekkoHttpDriver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.EmptyContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pekko HTTP's Java WebSocket client, oldest to newest release on Maven Central, for Scala 2.13 and 3. Each
 * release runs with the pekko-stream version its pom names (pekko-http leaves that module to the application).
 */
class PekkoHttpIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Apache Pekko HTTP `Http.singleWebSocketRequest` (`org.apache.pekko:pekko-http-core`)",
            "`WebSocketUpgradeResponse.chosenSubprotocol()`", "pekko-http",
            "org.apache.pekko.http.impl.engine.ws.Handshake$Client$",
            PekkoHttpDriver.class, "default", "Optional.empty");

    static Stream<Arguments> versions() {
        // scala binary version, pekko-http-core version, pekko-stream version
        return Stream.of(
                        new String[] {"2.13", "1.0.0", "1.0.1"},
                        new String[] {"2.13", "1.3.0", "1.1.5"},
                        new String[] {"3", "1.3.0", "1.1.5"})
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v[1] + " (_" + v[0] + ")", v, jdk)));
    }

    @ParameterizedTest(name = "Pekko HTTP {0} on {2}")
    @MethodSource("versions")
    void contract(String name, String[] v, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath("org.apache.pekko:pekko-http-core_" + v[0] + ":" + v[1],
                "org.apache.pekko:pekko-stream_" + v[0] + ":" + v[2]);
        EmptyContract.check(TARGET, jdk, library, Contract.check(TARGET, name, jdk, library));
    }
}
