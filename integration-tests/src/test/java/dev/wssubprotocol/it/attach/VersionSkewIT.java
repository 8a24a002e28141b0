package dev.wssubprotocol.it.attach;

import com.sun.tools.attach.VirtualMachine;
import dev.wssubprotocol.it.driver.IdleTarget;
import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An attach of a jar whose version differs from the agent already loaded in the JVM: the JVM would run the loaded
 * classes (the system class loader has them), so the agent says so in one line and changes nothing.
 */
class VersionSkewIT {
    private static final String STATUS = "ws.subprotocol.agent.status";

    @TempDir
    Path dir;

    static List<Jdks.Jdk> jdks() {
        return Jdks.all().stream().filter(jdk -> jdk.major() >= 11).toList(); // the target prints its pid with Java 9 API
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anotherVersionSaysSoAndChangesNothing(Jdks.Jdk jdk) throws Exception {
        Path other = withVersion(Fork.AGENT_JAR, "0.0.9-other", dir.resolve("ws-subprotocol-agent-0.0.9-other.jar"));
        try (TargetJvm target = TargetJvm.start(jdk, List.of("-javaagent:" + Fork.AGENT_JAR), List.of(Fork.DRIVERS),
                IdleTarget.class.getName())) {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(target.pid));
            try {
                String before = vm.getSystemProperties().getProperty(STATUS);
                vm.loadAgent(other.toString());
                assertEquals(before, vm.getSystemProperties().getProperty(STATUS));
                target.send("ping"); // a round trip, so that the agent's line has been read too
                assertEquals(List.of(AgentOutput.startLine(), AgentOutput.PREFIX + "WARNING: ws-subprotocol-agent "
                        + AgentOutput.VERSION + " is already loaded in this JVM; the attached 0.0.9-other (file:"
                        + other + ") cannot run here, nothing changed (restart the JVM to use it)"),
                        target.stderr().stream().filter(l -> l.startsWith(AgentOutput.PREFIX)).toList());
            } finally {
                vm.detach();
            }
        }
    }

    /** A copy of the jar whose manifest says another Implementation-Version. */
    private static Path withVersion(Path jar, String version, Path copy) throws IOException {
        try (JarFile in = new JarFile(jar.toFile());
             OutputStream file = Files.newOutputStream(copy)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Implementation-Version", version);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }
}
