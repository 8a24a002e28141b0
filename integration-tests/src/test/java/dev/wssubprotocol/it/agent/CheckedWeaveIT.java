package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A legal look-alike of Netty's handshaker that the inliner once broke: finishHandshake leaves a value on the
 * operand stack when it returns (legal bytecode that javac never writes). Before the checked weave, the host
 * application failed with "VerifyError: Inconsistent stackmap frames" as soon as it loaded the class; now it runs,
 * patched (the value is popped before the exit advice, as Byte Buddy does) or skipped with a warning.
 */
class CheckedWeaveIT {
    private static final String NETTY = "io.netty:netty-codec-http:4.1.119.Final";
    private static final String HANDSHAKER = "io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker";
    private static final String APP = """
            package app;
            import io.netty.channel.embedded.EmbeddedChannel;
            import io.netty.handler.codec.http.*;
            import io.netty.handler.codec.http.websocketx.*;
            public class JunkHandshake {
                public static void main(String[] args) throws Exception {
                    WebSocketClientHandshaker h = WebSocketClientHandshakerFactory.newHandshaker(
                            new java.net.URI("ws://127.0.0.1:1/"), WebSocketVersion.V13, "chat", false,
                            new DefaultHttpHeaders());
                    EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(8192));
                    h.handshake(channel).sync();
                    java.lang.reflect.Field expected = WebSocketClientHandshaker13.class
                            .getDeclaredField("expectedChallengeResponseString");
                    expected.setAccessible(true);
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.SWITCHING_PROTOCOLS);
                    response.headers().set("Upgrade", "websocket").set("Connection", "Upgrade")
                            .set("Sec-WebSocket-Accept", expected.get(h));
                    try {
                        h.finishHandshake(channel, response);
                        System.out.println("handshake complete, subprotocol " + h.actualSubprotocol());
                    } catch (WebSocketHandshakeException e) {
                        System.out.println("handshake failed: " + e.getMessage());
                    }
                    System.out.println("headers " + response.headers().names());
                }
            }""";

    @TempDir
    static Path classes;

    @BeforeAll
    static void build() throws IOException {
        List<Path> netty = Libraries.classpath(NETTY);
        for (Path jar : netty) {
            if (!jar.getFileName().toString().startsWith("netty-codec-http-")) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(
                    file.getEntry(HANDSHAKER + ".class"))) {
                Path out = classes.resolve(HANDSHAKER + ".class");
                Files.createDirectories(out.getParent());
                Files.write(out, junkBeforeReturn(in.readAllBytes()));
            }
        }
        assertTrue(Files.exists(classes.resolve(HANDSHAKER + ".class")), "look-alike written");
        Path source = Files.createTempDirectory("junk-app").resolve("app/JunkHandshake.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, APP);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "8", "-nowarn", "-d", classes.toString(),
                "-cp", Fork.classpath(netty), source.toString()), "app compiles");
    }

    /** {@code ldc "junk"} before every return of finishHandshake (it returns void). */
    private static byte[] junkBeforeReturn(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return !name.equals("finishHandshake") ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.RETURN) {
                            super.visitLdcInsn("junk");
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    static List<Jdks.Jdk> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aHandshakerThatReturnsWithAValueOnTheStackRunsPatched(Jdks.Jdk jdk) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes); // before Netty's jar: the look-alike replaces the real class
        classpath.addAll(Libraries.classpath(NETTY));
        Fork.Result plain = Fork.run(jdk, null, classpath, "app.JunkHandshake");
        assertEquals(List.of("handshake failed: Invalid subprotocol. Actual: null. Expected one of: chat",
                "headers [Upgrade, Connection, Sec-WebSocket-Accept]"), plain.stdout(), plain.describe());
        Fork.Result patched = Fork.run(jdk, "", classpath, "app.JunkHandshake");
        assertEquals(0, patched.exitCode(), patched.describe());
        assertEquals(List.of("handshake complete, subprotocol null", "headers [Upgrade, Connection, Sec-WebSocket-Accept]"),
                patched.stdout(), patched.describe());
        // the agent's lines (JDK 25 also prints its sun.misc.Unsafe warnings for Netty on stderr)
        assertEquals(AgentOutput.startLine(), patched.agentLines().get(0), patched.describe());
        assertTrue(patched.agentLines().get(1).startsWith(AgentOutput.PREFIX + "patched netty: "
                + HANDSHAKER.replace('/', '.') + " (loader: system"), patched.describe());
    }
}
