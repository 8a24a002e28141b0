package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM under a security manager (Java 8, 11 and 17; later JDKs no longer allow one), with a policy that grants the
 * library (Netty) but not the application. Granted too, the agent works: it weaves and reports on the
 * application's thread with its own permissions (it used to lose the woven class there, after printing "patched",
 * when publishing its status failed). Not granted, it prints one error and changes nothing.
 */
class SecurityManagerIT {
    private static final String NETTY = "io.netty:netty-codec-http:4.1.140.Final";
    private static final String APP = """
            package app;
            import io.netty.buffer.ByteBuf;
            import io.netty.channel.embedded.EmbeddedChannel;
            import io.netty.handler.codec.http.*;
            import io.netty.handler.codec.http.websocketx.*;
            public class GuardedHandshake {
                public static void main(String[] args) throws Exception {
                    System.out.println("security manager " + (System.getSecurityManager() != null));
                    WebSocketClientHandshaker h = WebSocketClientHandshakerFactory.newHandshaker(
                            new java.net.URI("ws://127.0.0.1:1/"), WebSocketVersion.V13, "chat", false,
                            new DefaultHttpHeaders());
                    EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
                    h.handshake(channel).sync();
                    StringBuilder request = new StringBuilder();
                    for (Object o; (o = channel.readOutbound()) != null; ) {
                        if (o instanceof ByteBuf) {
                            request.append(((ByteBuf) o).toString(java.nio.charset.StandardCharsets.US_ASCII));
                        }
                    }
                    java.util.regex.Matcher key = java.util.regex.Pattern.compile("(?i)sec-websocket-key: *(\\\\S+)")
                            .matcher(request);
                    key.find();
                    String accept = java.util.Base64.getEncoder().encodeToString(
                            java.security.MessageDigest.getInstance("SHA-1").digest(
                                    (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes("US-ASCII")));
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.SWITCHING_PROTOCOLS);
                    response.headers().set("Upgrade", "websocket").set("Connection", "Upgrade")
                            .set("Sec-WebSocket-Accept", accept);
                    try {
                        h.finishHandshake(channel, response);
                        System.out.println("handshake complete, subprotocol " + h.actualSubprotocol());
                    } catch (WebSocketHandshakeException e) {
                        System.out.println("handshake failed: " + e.getMessage());
                    }
                    String status = System.getProperty("ws.subprotocol.agent.status");
                    System.out.println("status " + (status == null ? null : status.replaceAll(".*;(rescued=)", "$1")));
                }
            }""";

    @TempDir
    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        Path source = Files.createTempDirectory("guarded-app").resolve("app/GuardedHandshake.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, APP);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "8", "-nowarn", "-d", classes.toString(),
                "-cp", Fork.classpath(Libraries.classpath(NETTY)), source.toString()), "app compiles");
    }

    static List<Jdks.Jdk> jdks() {
        return Jdks.all().stream().filter(jdk -> jdk.major() <= 17).toList();
    }

    private static Fork.Result run(Jdks.Jdk jdk, boolean agent, boolean grantAgent) throws IOException {
        StringBuilder policy = new StringBuilder();
        List<Path> library = Libraries.classpath(NETTY);
        for (Path jar : library) {
            policy.append("grant codeBase \"").append(jar.toUri()).append("\" { permission java.security.AllPermission; };\n");
        }
        // the application may read the agent's status, nothing else
        policy.append("grant codeBase \"").append(classes.toUri()).append("\" { permission java.util.PropertyPermission"
                + " \"ws.subprotocol.agent.status\", \"read\"; };\n");
        if (grantAgent) {
            policy.append("grant codeBase \"").append(Fork.AGENT_JAR.toUri())
                    .append("\" { permission java.security.AllPermission; };\n");
        }
        Path file = Files.writeString(Files.createTempFile(classes, "app", ".policy"), policy.toString());
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        classpath.addAll(library);
        List<String> command = Fork.command(jdk, agent ? "" : null, classpath, "app.GuardedHandshake");
        command.addAll(1, List.of("-Djava.security.manager", "-Djava.security.policy==" + file));
        return Fork.exec(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void grantedTheAgentWorksUnderASecurityManager(Jdks.Jdk jdk) throws IOException {
        Fork.Result plain = run(jdk, false, false);
        assertEquals(List.of("security manager true", "handshake failed: Invalid subprotocol. Actual: null. Expected"
                + " one of: chat", "status null"), plain.stdout(), plain.describe());
        Fork.Result patched = run(jdk, true, true);
        // rescued=1: the count is published from the handshake's thread, whose application frames may not write
        // properties (the agent does it with its own permissions; it used to fail there and publish nothing)
        assertEquals(List.of("security manager true", "handshake complete, subprotocol null", "status rescued=1"),
                patched.stdout(), patched.describe());
        assertEquals(2, patched.agentLines().size(), patched.describe());
        assertEquals(AgentOutput.startLine(), patched.agentLines().get(0), patched.describe());
        assertTrue(patched.agentLines().get(1).startsWith(AgentOutput.PREFIX + "patched netty: "), patched.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void notGrantedTheAgentSaysSoOnceAndChangesNothing(Jdks.Jdk jdk) throws IOException {
        Fork.Result inert = run(jdk, true, false);
        assertEquals(List.of("security manager true", "handshake failed: Invalid subprotocol. Actual: null. Expected"
                + " one of: chat", "status null"), inert.stdout(), inert.describe());
        assertEquals(1, inert.agentLines().size(), inert.describe());
        assertTrue(inert.agentLines().get(0).startsWith(AgentOutput.PREFIX + "ERROR: the agent could not start and"
                + " changes nothing: java.security.AccessControlException"), inert.describe());
    }
}
