package dev.wssubprotocol.it.grizzly;

import dev.wssubprotocol.it.driver.GrizzlyDriver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.EmptyContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Grizzly's WebSocket client: 2.3.19 (the last release whose subprotocol check compares every value with the
 * header's name: a missing header is a NullPointerException, any value is rejected), 2.3.20 (checkForSubProtocol),
 * 2.3.35, 2.4.4, 3.0.1 and 4.0.2 (Java 11 and later). 2.1.x has another client API and no driver here. Both settings
 * of the option empty. Grizzly's close path needs the Servlet API, which its pom has in provided scope.
 */
class GrizzlyIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Grizzly (`org.glassfish.grizzly:grizzly-websockets`)",
            "`HandShake.getSubProtocol()`", "grizzly-websockets",
            "org.glassfish.grizzly.websockets.HandShake", GrizzlyDriver.class, "default", "[]");

    static Stream<Arguments> versions() {
        return Stream.of("2.3.19", "2.3.20", "2.3.35", "2.4.4", "3.0.1", "4.0.2")
                .flatMap(v -> Jdks.all().stream()
                        .filter(jdk -> !v.startsWith("4.") || jdk.major() >= 11)
                        .map(jdk -> Arguments.of(v, jdk)));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Grizzly {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        List<Path> library = Libraries.classpath("org.glassfish.grizzly:grizzly-websockets:" + version,
                "javax.servlet:javax.servlet-api:3.1.0");
        Map<String, String> withDefaults = Contract.check(TARGET, version, jdk, library);
        EmptyContract.check(TARGET, jdk, library, withDefaults);
    }
}
