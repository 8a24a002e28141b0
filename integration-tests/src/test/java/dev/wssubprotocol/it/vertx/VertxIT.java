package dev.wssubprotocol.it.vertx;

import dev.wssubprotocol.it.driver.VertxDriver;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Vert.x core's WebSocketClient (on Netty's handshaker): the 4.5 line and the newest 5.x release. */
class VertxIT {
    static final Contract.Target TARGET = new Contract.Target(
            "Vert.x `WebSocketClient` (`io.vertx:vertx-core`)", "`WebSocket.subProtocol()`", "netty",
            "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker",
            VertxDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        return Stream.of("4.5.36", "5.2.3")
                .flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "Vert.x {0} on {1}")
    @MethodSource("versions")
    void contract(String version, Jdks.Jdk jdk) {
        Contract.check(TARGET, version, jdk, Libraries.classpath("io.vertx:vertx-core:" + version));
    }
}
