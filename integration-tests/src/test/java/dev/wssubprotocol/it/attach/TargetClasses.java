package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Libraries;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class folder the attach targets (AttachTarget, IdleTarget and the Netty and Java-WebSocket drivers) run from,
 * at Java 8 level so that every JDK under test can run them. That is the module's own target/classes once the
 * drivers are compiled for Java 8 there; while they are not, this compiles those sources with --release 8 into a
 * folder of their own, once per test run.
 */
final class TargetClasses {
    static final String[] SOURCES = {"AttachTarget", "IdleTarget", "NettyDriver", "JavaWebSocketDriver"};
    private static Path drivers;

    private TargetClasses() {
    }

    static synchronized Path drivers() {
        if (drivers == null) {
            drivers = classFileMajor(Fork.DRIVERS.resolve("dev/wssubprotocol/it/driver/AttachTarget.class")) <= 52
                    ? Fork.DRIVERS : compile(Paths.get("target/attach-targets-release-8").toAbsolutePath());
        }
        return drivers;
    }

    private static int classFileMajor(Path classFile) {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path compile(Path out) {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> files = Files.walk(out)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(out);
            List<Path> classpath = new ArrayList<>();
            classpath.addAll(Libraries.classpath(AttachIT.Library.NETTY.coordinates));
            classpath.addAll(Libraries.classpath(AttachIT.Library.JAVA_WEBSOCKET.coordinates));
            Path sources = Paths.get("src/main/java").toAbsolutePath();
            List<String> args = new ArrayList<>(List.of("--release", "8", "-proc:none", "-nowarn", "-d", out.toString(),
                    "-sourcepath", sources.toString(), "-cp",
                    classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
            for (String name : SOURCES) {
                args.add(sources.resolve("dev/wssubprotocol/it/driver/" + name + ".java").toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            if (javac.run(null, messages, messages, args.toArray(new String[0])) != 0) {
                throw new AssertionError("the attach targets do not compile for Java 8:\n"
                        + messages.toString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
