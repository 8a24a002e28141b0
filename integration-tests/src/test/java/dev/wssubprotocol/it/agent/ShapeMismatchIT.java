package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classes that carry the real names of patched classes but another shape (an application's own class, an older or
 * newer library that changed): the agent must leave each one untouched with one warning line, and the
 * application must run exactly as without the agent.
 */
class ShapeMismatchIT {
    /** name -> source; compiled at test time into their own folder, never next to a real library */
    private static final Map<String, String> SOURCES = Map.of(
            "io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker.java", """
                    package io.netty.handler.codec.http.websocketx;
                    public class WebSocketClientHandshaker {
                        public String finishHandshake(Object channel, Object response) { return "netty look-alike ran"; }
                    }""",
            "org/java_websocket/handshake/ClientHandshake.java",
            "package org.java_websocket.handshake; public interface ClientHandshake {}",
            "org/java_websocket/handshake/ServerHandshake.java",
            "package org.java_websocket.handshake; public interface ServerHandshake {}",
            "org/java_websocket/drafts/Draft_6455.java", """
                    package org.java_websocket.drafts;
                    import org.java_websocket.handshake.*;
                    public class Draft_6455 {
                        private String knownProtocols = "a string, not a list";
                        public String acceptHandshakeAsClient(ClientHandshake request, ServerHandshake response) {
                            return "java-websocket look-alike ran with " + knownProtocols;
                        }
                    }""",
            "app/LookAlikes.java", """
                    package app;
                    public class LookAlikes {
                        public static void main(String[] args) {
                            System.out.println(new io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker()
                                    .finishHandshake(null, null));
                            System.out.println(new org.java_websocket.drafts.Draft_6455().acceptHandshakeAsClient(null, null));
                        }
                    }""");

    @TempDir
    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        Path sources = Files.createTempDirectory("look-alikes");
        List<String> args = new ArrayList<>(List.of("--release", "8", "-nowarn", "-d", classes.toString()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "look-alikes compile");
    }

    static List<Jdks.Jdk> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aClassOfAnotherShapeIsLeftAloneWithOneWarning(Jdks.Jdk jdk) {
        Fork.Result plain = Fork.run(jdk, null, List.of(classes), "app.LookAlikes");
        Fork.Result patched = Fork.run(jdk, "", List.of(classes), "app.LookAlikes");
        assertEquals(List.of("netty look-alike ran", "java-websocket look-alike ran with a string, not a list"),
                plain.stdout(), plain.describe());
        assertEquals(plain.stdout(), patched.stdout());
        assertEquals(0, patched.exitCode());
        assertEquals(List.of(AgentOutput.startLine(),
                AgentOutput.PREFIX + "WARNING: skipped netty for io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker"
                        + " (system): no method finishHandshake(io.netty.channel.Channel, io.netty.handler.codec.http.FullHttpResponse);"
                        + " class left unchanged",
                AgentOutput.PREFIX + "WARNING: skipped java-websocket for org.java_websocket.drafts.Draft_6455 (system):"
                        + " field knownProtocols is java.lang.String, expected java.util.List; class left unchanged"),
                patched.stderr());
    }
}
