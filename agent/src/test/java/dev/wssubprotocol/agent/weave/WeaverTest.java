package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.pekkohttp.PekkoHttpPatch;
import org.junit.jupiter.api.Test;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weaving against the real library classes on the test class path (the oldest supported releases, the same the
 * advice compiles against), and the shape check against classes that carry the real name but another shape.
 */
class WeaverTest {
    private static final ClassLoader LOADER = WeaverTest.class.getClassLoader();

    /**
     * Every patch whose library the advice is compiled against (a provided dependency in agent/pom.xml, the oldest
     * supported release) is woven here against the real class, which must come from the jar that the patch's
     * coordinates name. The others (no compile dependency: Reactor Netty, Paho) are woven in the integration tests.
     */
    @Test
    void weavesTheRealClasses() throws Exception {
        String pom = new String(Files.readAllBytes(Paths.get("pom.xml")), StandardCharsets.UTF_8).replaceAll("\\s+", "");
        List<String> woven = new ArrayList<String>();
        List<String> declared = new ArrayList<String>();
        for (Patch p : Patches.ALL) {
            String[] ga = p.library().split(":");
            assertEquals(2, ga.length, p.id() + ": groupId:artifactId, not " + p.library());
            // a Scala library is named without its suffix: pekko-http-core covers pekko-http-core_2.13
            if (pom.contains("<groupId>" + ga[0] + "</groupId><artifactId>" + ga[1] + "</artifactId>")
                    || pom.contains("<groupId>" + ga[0] + "</groupId><artifactId>" + ga[1] + "_2.")) {
                declared.add(p.id());
            }
            URL url = LOADER.getResource(p.typeName().replace('.', '/') + ".class");
            if (url == null) {
                continue;
            }
            String jar = url.getPath();
            String file = jar.substring(0, jar.indexOf('!'));
            String folder = "/" + ga[0].replace('.', '/') + "/" + ga[1];
            assertTrue((file.contains(folder + "/") || file.contains(folder + "_2."))
                    && file.substring(file.lastIndexOf('/')).startsWith("/" + ga[1]), p.id() + ": " + p.typeName()
                    + " comes from " + jar + ", not from " + p.library());
            byte[] original = PatchesTest.bytes(p.typeName());
            byte[] result = Weaver.weave(p, "", LOADER, original, LOADER);
            assertTrue(result.length > original.length, p.id());
            if (!p.id().equals(PekkoHttpPatch.ID)) { // Pekko needs Scala 2.13; the test class path has Akka's 2.12
                assertLinks(p.typeName(), result);
            }
            woven.add(p.id());
        }
        assertEquals(declared, woven, "the patches whose coordinates agent/pom.xml declares are those woven here");
        assertTrue(woven.size() >= 6, woven.toString());
    }

    /**
     * A shaded copy (here: Netty moved under "shaded/", class files and all): the advice's Netty references move with
     * it, and the woven class refers to no class of the unshaded library.
     */
    @Test
    void weavesARelocatedCopyWithTheAdviceMovedToItsPackages() throws Exception {
        String prefix = "shaded/";
        ClassLoader shaded = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (!name.startsWith(prefix + "io/netty/")) {
                    return LOADER.getResourceAsStream(name);
                }
                InputStream original = LOADER.getResourceAsStream(name.substring(prefix.length()));
                try {
                    return original == null ? null : new ByteArrayInputStream(move(read(original), prefix));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        String name = prefix.replace('/', '.') + Patches.get(NettyPatch.ID).typeName();
        assertEquals(prefix, Patches.get(NettyPatch.ID).prefixOf(name.replace('.', '/')));
        byte[] woven = Weaver.weave(Patches.get(NettyPatch.ID), prefix, shaded,
                read(shaded.getResourceAsStream(name.replace('.', '/') + ".class")), LOADER);
        Set<String> referenced = references(woven);
        assertTrue(referenced.contains("shaded/io/netty/handler/codec/http/HttpHeaders"), referenced.toString());
        for (String type : referenced) {
            assertFalse(type.startsWith("io/netty/"), "unshaded reference " + type);
        }
    }

    /**
     * The woven class, verified by the JVM: a wrong stack map frame or type fails here. A class of version 50 is
     * linked as 51, so that a wrong frame fails instead of HotSpot falling back to the old verifier.
     */
    static void assertLinks(String name, byte[] woven) throws Exception {
        assertTrue(define(name, CheckedWeaveTest.typeChecked(woven)).getDeclaredMethods().length > 0);
    }

    /**
     * Defines a class in a loader of its own (everything else from the test class path) and links it:
     * {@code getDeclaredMethods} makes the JVM verify it.
     */
    static Class<?> define(String name, byte[] classfile) throws Exception {
        ClassLoader alone = new ClassLoader(LOADER) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) {
                    return super.loadClass(n, resolve);
                }
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, classfile, 0, classfile.length);
                }
            }
        };
        Class<?> c = Class.forName(name, false, alone);
        assertEquals(alone, c.getClassLoader());
        c.getDeclaredMethods();
        return c;
    }

    private static byte[] move(byte[] classfile, String prefix) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classfile).accept(new ClassRemapper(writer, new Remapper(Opcodes.ASM9) {
            @Override
            public String map(String internalName) {
                return internalName.startsWith("io/netty/") ? prefix + internalName : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }

    private static Set<String> references(byte[] classfile) {
        Set<String> types = new TreeSet<String>();
        new ClassReader(classfile).accept(new ClassRemapper(new ClassWriter(0),
                new Remapper(Opcodes.ASM9) {
                    @Override
                    public String map(String internalName) {
                        types.add(internalName);
                        return internalName;
                    }
                }), 0);
        return types;
    }

    private static byte[] read(InputStream in) throws IOException {
        try (InputStream stream = in) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = stream.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Test
    void aMissingMethodSkipsThePatch() throws IOException {
        Patch wrong = Patch.of("netty", Patches.get(NettyPatch.ID).typeName(), "finishHandshake",
                new String[] {"io.netty.channel.Channel", "io.netty.handler.codec.http.HttpResponse"},
                Patches.get(NettyPatch.ID).adviceClass());
        ShapeMismatch e = assertThrows(ShapeMismatch.class, () -> Weaver.weave(wrong, "", LOADER,
                PatchesTest.bytes(wrong.typeName()), LOADER));
        assertEquals("no method finishHandshake(io.netty.channel.Channel, io.netty.handler.codec.http.HttpResponse)",
                e.getMessage());
    }

    @Test
    void aFieldTheAdviceUsesMustExistWithItsType() throws IOException {
        // The Java-WebSocket advice, checked against Netty's handshaker: same method name is not enough.
        Patch mismatched = Patch.of("x", NettyPatch.TYPE, NettyPatch.METHOD, NettyPatch.PARAMETERS,
                JavaWebSocketPatch.ADVICE, "");
        ShapeMismatch e = assertThrows(ShapeMismatch.class, () -> Weaver.weave(mismatched, "", LOADER,
                PatchesTest.bytes(mismatched.typeName()), LOADER));
        assertEquals("no field knownProtocols", e.getMessage());
    }
}
