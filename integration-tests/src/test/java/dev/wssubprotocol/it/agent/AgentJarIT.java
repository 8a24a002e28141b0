package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.it.support.Fork;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, as an operator receives it: one file, nothing leaks, Java 8 class files. */
class AgentJarIT {

    @Test
    void manifestDeclaresTheAgent() throws IOException {
        try (JarFile jar = new JarFile(Fork.AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.wssubprotocol.agent.AgentEntry", main.getValue("Premain-Class"));
            assertEquals("dev.wssubprotocol.agent.AgentEntry", main.getValue("Agent-Class"));
            assertEquals("dev.wssubprotocol.agent.cli.Cli", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            // retransformation is all it needs: asking for more capabilities costs every JVM that carries the agent
            assertNull(main.getValue("Can-Redefine-Classes"));
            // the version every test expects (AgentOutput.VERSION) is read from here: it must be the project's
            assertEquals(System.getProperty("ws.it.projectVersion"), main.getValue("Implementation-Version"));
        }
    }

    @Test
    void onlyTheAgentsOwnPackageWithAsmRelocatedAndJava8ClassFiles() throws IOException {
        List<String> outside = new ArrayList<>();
        List<String> tooNew = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(Fork.AGENT_JAR.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith("dev/wssubprotocol/agent/") && !name.startsWith("META-INF/")
                        && !name.equals("dev/") && !name.equals("dev/wssubprotocol/")) {
                    outside.add(name);
                }
                if (name.endsWith(".class") && !name.startsWith("META-INF/versions/")) {
                    classes++;
                    try (InputStream in = jar.getInputStream(entry)) {
                        DataInputStream data = new DataInputStream(in);
                        data.readInt();
                        data.readUnsignedShort();
                        int major = data.readUnsignedShort();
                        if (major > 52) {
                            tooNew.add(name + " (" + major + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), outside, "entries outside the agent's package (org/objectweb/asm/ would be one)");
        assertEquals(List.of(), tooNew, "class files above Java 8 (major 52)");
        assertTrue(classes > 30, classes + " classes");
        try (JarFile jar = new JarFile(Fork.AGENT_JAR.toFile())) {
            assertNotNull(jar.getEntry("dev/wssubprotocol/agent/shaded/asm/ClassReader.class"), "ASM, relocated");
        }
    }
    /**
     * byte-buddy-agent (the attach protocol of the command line) is inside, relocated; no class refers to its
     * original package, and JNA, which the jar does not hold, is named only in ForHotSpot.attach(String), which
     * the command never calls (it passes its own connection factory).
     */
    @Test
    void byteBuddyAgentRelocatedWithoutJna() throws IOException {
        List<String> unrelocated = new ArrayList<>();
        try (JarFile jar = new JarFile(Fork.AGENT_JAR.toFile())) {
            assertNotNull(jar.getEntry("dev/wssubprotocol/agent/shaded/bytebuddy/agent/VirtualMachine$ForHotSpot.class"));
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (text.contains("net/bytebuddy/agent/") || (text.contains("com/sun/jna/") && !entry.getName()
                            .equals("dev/wssubprotocol/agent/shaded/bytebuddy/agent/VirtualMachine$ForHotSpot.class"))) {
                        unrelocated.add(entry.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), unrelocated);
    }
}
