package dev.wssubprotocol.it.spring;

import dev.wssubprotocol.it.driver.SpringWebFluxDriver;
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

/**
 * Spring WebFlux's ReactorNettyWebSocketClient (on Reactor Netty, on Netty's handshaker): the newest 6.2 release,
 * with the Reactor Netty line its Reactor release train pairs it with (spring-webflux declares reactor-netty-http
 * optional, so an application adds it). 7.0 (with Reactor Netty 1.3) is not here: this build machine's Maven
 * Central could not serve the classified Netty 4.2 native jars Reactor Netty 1.3 depends on.
 */
class SpringWebFluxIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Spring WebFlux `ReactorNettyWebSocketClient` (`org.springframework:spring-webflux`)",
            "`getHandshakeInfo().getSubProtocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            SpringWebFluxDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: Spring Framework 6 is Java 17 class files (its documented baseline)
        return Matrix.of(java(17, "6.2.19", "1.2.18"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "Spring WebFlux {0} (Reactor Netty {1}) on {2}")
    @MethodSource("versions")
    void contract(String version, String reactorNetty, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("org.springframework:spring-webflux:" + version,
                "io.projectreactor.netty:reactor-netty-http:" + reactorNetty));
    }
}
