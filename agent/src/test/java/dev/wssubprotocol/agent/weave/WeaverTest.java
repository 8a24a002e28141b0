package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.akka.AkkaHttpPatch;
import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.netty5.Netty5Patch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.pekko.PekkoHttpPatch;
import org.junit.jupiter.api.Test;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import net.bytebuddy.utility.OpenedClassReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    @Test
    void weavesTheRealClasses() throws Exception {
        for (Patch p : new Patch[] {NettyPatch.PATCH, JavaWebSocketPatch.PATCH, PekkoHttpPatch.PATCH,
                AkkaHttpPatch.PATCH, Netty5Patch.PATCH}) {
            byte[] original = PatchesTest.bytes(p.typeName());
            byte[] woven = Weaver.weave(p, "", LOADER, p.typeName(), original, LOADER);
            assertTrue(woven.length > original.length, p.id());
        }
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
        String name = prefix.replace('/', '.') + NettyPatch.PATCH.typeName();
        assertEquals(prefix, NettyPatch.PATCH.prefixOf(name.replace('.', '/')));
        byte[] woven = Weaver.weave(NettyPatch.PATCH, prefix, shaded, name,
                read(shaded.getResourceAsStream(name.replace('.', '/') + ".class")), LOADER);
        Set<String> referenced = references(woven);
        assertTrue(referenced.contains("shaded/io/netty/handler/codec/http/HttpHeaders"), referenced.toString());
        for (String type : referenced) {
            assertFalse(type.startsWith("io/netty/"), "unshaded reference " + type);
        }
    }

    private static byte[] move(byte[] classfile, String prefix) {
        ClassWriter writer = new ClassWriter(0);
        OpenedClassReader.of(classfile).accept(new ClassRemapper(writer, new Remapper(OpenedClassReader.ASM_API) {
            @Override
            public String map(String internalName) {
                return internalName.startsWith("io/netty/") ? prefix + internalName : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }

    private static Set<String> references(byte[] classfile) {
        Set<String> types = new TreeSet<String>();
        OpenedClassReader.of(classfile).accept(new ClassRemapper(new ClassWriter(0),
                new Remapper(OpenedClassReader.ASM_API) {
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
        Patch wrong = Patch.of("netty", NettyPatch.PATCH.typeName(), "finishHandshake",
                new String[] {"io.netty.channel.Channel", "io.netty.handler.codec.http.HttpResponse"},
                NettyPatch.PATCH.adviceClass());
        ShapeMismatch e = assertThrows(ShapeMismatch.class, () -> Weaver.weave(wrong, "", LOADER, wrong.typeName(),
                PatchesTest.bytes(wrong.typeName()), LOADER));
        assertEquals("no method finishHandshake(io.netty.channel.Channel, io.netty.handler.codec.http.HttpResponse)",
                e.getMessage());
    }

    @Test
    void aFieldTheAdviceUsesMustExistWithItsType() throws IOException {
        // The Java-WebSocket advice, checked against Netty's handshaker: same method name is not enough.
        Patch mismatched = Patch.of("x", NettyPatch.PATCH.typeName(), "finishHandshake",
                NettyPatch.PATCH.parameterTypes().toArray(new String[0]), JavaWebSocketPatch.PATCH.adviceClass());
        ShapeMismatch e = assertThrows(ShapeMismatch.class, () -> Weaver.weave(mismatched, "", LOADER,
                mismatched.typeName(), PatchesTest.bytes(mismatched.typeName()), LOADER));
        assertEquals("no field knownProtocols", e.getMessage());
    }
}
