package dev.wssubprotocol.it.reactornetty;

import dev.wssubprotocol.it.driver.ReactorNettyDriver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Reactor Netty's HTTP client (on Netty's handshaker): the 1.0 line and the newest 1.2 release. */
class ReactorNettyIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Reactor Netty `HttpClient.websocket()` (`io.projectreactor.netty:reactor-netty-http`)",
            "`selectedSubprotocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            ReactorNettyDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        return Stream.of("1.0.48", "1.2.18")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Reactor Netty {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("io.projectreactor.netty:reactor-netty-http:" + version));
    }
}
