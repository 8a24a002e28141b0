package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.Hook;
import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class PatchesTest {

    @Test
    void eachClassIsPatchedOnceAndAnIdCoversOneLibrary() {
        // an id may cover several classes of one library (paho-mqtt: v3 and v5); a class is in one patch only
        Set<String> classes = new HashSet<String>();
        Set<String> ids = new HashSet<String>();
        String last = null;
        for (Patch p : Patches.ALL) {
            assertTrue(classes.add(p.typeName()), p.typeName());
            assertTrue(p.id().equals(last) || ids.add(p.id()), p.id() + ": the entries of one id stand together");
            last = p.id();
        }
    }

    @Test
    void eachPatchCarriesItsIdNameAndCoordinates() {
        java.util.Map<String, String> names = new java.util.HashMap<String, String>();
        for (Patch p : Patches.ALL) {
            assertTrue(p.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), p.id());
            assertTrue(p.library().matches("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+"), p.id() + ": " + p.library());
            assertFalse(p.name().trim().isEmpty() || p.name().contains("|"), p.id());
            String before = names.put(p.id(), p.name());
            assertTrue(before == null || before.equals(p.name()), p.id() + ": one name per id");
        }
        assertEquals(new ArrayList<String>(names.keySet()).size(), Patches.ids().size());
        assertEquals(Patches.ids().size() + 1, Patches.ALL.size(), "paho-mqtt covers two classes");
    }

    /**
     * Start-up cost: every library package's PATCH constant is copied into Patches by javac, so the JVM loads Patches
     * and Patch and no class of a library package. A reference to such a class (a method, a class literal, a field
     * that is not a compile-time constant) would load it at premain in every JVM that carries the agent.
     */
    @Test
    void thePatchListReferencesNoLibraryPackageClass() throws IOException {
        // the constant pool names the classes whose constants javac copied (dependency information, never resolved);
        // what loads a class is an instruction that uses it
        for (Class<?> c : new Class<?>[] {Patches.class, Patch.class}) {
            List<String> outside = new ArrayList<String>();
            for (String type : instructionReferences(bytes(c.getName()), false)) {
                String name = type.replaceFirst("^\\[+L?", "");
                if (!name.startsWith("java/") && !name.startsWith("dev/wssubprotocol/agent/patch/")
                        && name.contains("/")) {
                    outside.add(type);
                }
            }
            assertEquals(new ArrayList<String>(), outside, c.getName());
        }
    }

    @Test
    void aDefinitionIsEightFields() {
        Patch p = Patch.parse("x|X lib|g:a|a.B|m|int, java.lang.String|a.Advice|a/");
        assertEquals("x (a.B#m[int, java.lang.String])", p.toString());
        assertEquals("X lib", p.name());
        assertEquals("g:a", p.library());
        assertEquals("a/", p.relocatableRoot());
        assertNull(Patch.parse("x|X|g:a|a.B|m||a.Advice|").relocatableRoot());
        assertEquals(new ArrayList<String>(), Patch.parse("x|X|g:a|a.B|m||a.Advice|").parameterTypes());
        assertThrows(IllegalArgumentException.class, () -> Patch.parse("x|X|g:a|a.B|m||a.Advice"));
        assertThrows(IllegalArgumentException.class, () -> Patch.parse("x|X|g:a|a.B|m||a.Advice||"));
    }

    @Test
    void nameMatchingFindsTheClassAndRelocatedCopiesOnly() {
        Patch netty = Patches.get(NettyPatch.ID);
        String own = "io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker";
        assertEquals("", netty.prefixOf(own));
        assertEquals("io/grpc/netty/shaded/", netty.prefixOf("io/grpc/netty/shaded/" + own));
        assertNull(netty.prefixOf(own + "13"));
        assertNull(netty.prefixOf("xio/netty/handler/codec/http/websocketx/WebSocketClientHandshaker"));
        assertNull(netty.prefixOf("java/lang/String"));
        Patch jws = Patches.ALL.get(1);
        assertEquals("", jws.prefixOf("org/java_websocket/drafts/Draft_6455"));
        assertNull(jws.prefixOf("shaded/org/java_websocket/drafts/Draft_6455"), "not declared relocatable");
    }

    /**
     * Advice is inlined into library classes in any class loader: it may use the library's types and the JDK, and
     * nothing of the agent (the hook is reached by name through reflection).
     */
    @Test
    void adviceReferencesNoAgentClass() throws IOException {
        for (Patch p : Patches.ALL) {
            String self = p.adviceClass().replace('.', '/');
            List<String> agentRefs = new ArrayList<String>();
            for (String owner : instructionReferences(bytes(p.adviceClass()), true)) {
                if (!owner.equals(Hook.CLASS_NAME) && owner.startsWith("dev/wssubprotocol/") && !owner.equals(self)) {
                    agentRefs.add(owner);
                }
            }
            assertEquals(new ArrayList<String>(), agentRefs, p.adviceClass());
        }
        assertEquals(Hook.class.getName(), Hook.CLASS_NAME);
    }

    @Test
    void adviceReferencesAreReadFromTheBytecode() throws IOException {
        AdviceReferences netty = AdviceReferences.of(bytes(NettyPatch.ADVICE));
        assertEquals("{expectedSubprotocol=Ljava/lang/String;, actualSubprotocol=Ljava/lang/String;}",
                netty.fields.toString());
        List<String> methods = new ArrayList<String>();
        for (String[] m : netty.methods) {
            methods.add(m[0] + "#" + m[1] + m[2]);
        }
        assertTrue(methods.contains("io/netty/handler/codec/http/HttpHeaders#set"
                + "(Ljava/lang/String;Ljava/lang/Object;)Lio/netty/handler/codec/http/HttpHeaders;"), methods.toString());
        assertTrue(methods.contains("io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker#uri()Ljava/net/URI;"),
                methods.toString());
    }

    /**
     * What the instructions of a class use: the owner of every method and field instruction, every type
     * instruction's type (an internal name or an array descriptor), every class an ldc loads (its internal name)
     * and the owner of every method handle an ldc loads; with {@code strings}, also every string an ldc loads.
     */
    static List<String> instructionReferences(byte[] classFile, final boolean strings) {
        final List<String> references = new ArrayList<String>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                        references.add(owner);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String n, String d) {
                        references.add(owner);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        references.add(type);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof org.objectweb.asm.Type) {
                            references.add(((org.objectweb.asm.Type) value).getInternalName());
                        } else if (value instanceof org.objectweb.asm.Handle) {
                            references.add(((org.objectweb.asm.Handle) value).getOwner());
                        } else if (strings && value instanceof String) {
                            references.add((String) value);
                        }
                    }
                };
            }
        }, 0);
        return references;
    }

    public static byte[] bytes(String className) throws IOException {
        InputStream in = PatchesTest.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class");
        assertNotNull(in, className);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        in.close();
        return out.toByteArray();
    }
}
