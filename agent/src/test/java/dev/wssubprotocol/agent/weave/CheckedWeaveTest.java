package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.inlining.PlainAdvice;
import dev.wssubprotocol.agent.weave.inlining.Target;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check between the weave and the JVM: what the JVM's verifier would refuse never reaches it (the class is
 * left unchanged instead), and what it accepts passes.
 */
class CheckedWeaveTest {
    private static final ClassLoader LOADER = CheckedWeaveTest.class.getClassLoader();

    /**
     * A legal Netty handshaker whose finishHandshake leaves a value on the operand stack when it returns (legal
     * bytecode, javac just never writes it). Before the check the woven class reached the JVM and failed with
     * "VerifyError: Inconsistent stackmap frames": the host could not load the class. Now the weave either links
     * or is refused before a byte reaches the JVM.
     */
    @Test
    void aReturnWithValuesLeftOnTheStackNeverReachesTheJvmBroken() throws Exception {
        Patch netty = Patches.get(NettyPatch.ID);
        byte[] junk = typeChecked(junkBeforeReturn(PatchesTest.bytes(netty.typeName()), NettyPatch.METHOD));
        WeaverTest.assertLinks(netty.typeName(), junk); // the input is legal
        byte[] woven;
        try {
            woven = Weaver.weave(netty, "", LOADER, junk, LOADER);
        } catch (WeaveRejected rejected) {
            assertTrue(rejected.getMessage().startsWith("finishHandshake("), rejected.getMessage());
            return;
        }
        WeaverTest.assertLinks(netty.typeName(), woven);
    }

    /** A method type copied into a class of version 49: refused, naming the instruction. */
    @Test
    void anInstructionTheClassVersionDoesNotAllowIsRefused() throws Exception {
        byte[] target = version(PatchesTest.bytes(Target.class.getName()), Opcodes.V1_5);
        byte[] advice = ldcMethodTypeInExit(PatchesTest.bytes(PlainAdvice.class.getName()));
        byte[] woven = Inliner.inline(target, ClassInfo.of(target), "run", "(Ljava/lang/String;IJ)Ljava/lang/String;",
                advice);
        WeaveRejected e = assertThrows(WeaveRejected.class, () -> Verification.check(woven, "run",
                "(Ljava/lang/String;IJ)Ljava/lang/String;"));
        assertEquals("run(Ljava/lang/String;IJ)Ljava/lang/String;: ldc of a method type in a class of version 49"
                + " (needs 51)", e.getMessage());
        // the same weave into a class of version 52 passes
        byte[] modern = PatchesTest.bytes(Target.class.getName());
        Verification.check(Inliner.inline(modern, ClassInfo.of(modern), "run",
                "(Ljava/lang/String;IJ)Ljava/lang/String;", advice), "run", "(Ljava/lang/String;IJ)Ljava/lang/String;");
    }

    /** Methods the JVM refuses, each refused by the check too, with the reason. */
    @Test
    void whatTheJvmRefusesTheCheckRefuses() throws Exception {
        // a frame that claims a local the code never set
        byte[] unset = generated(mv -> {
            Label loop = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, 1);
            mv.visitLabel(loop);
            mv.visitFrame(Opcodes.F_NEW, 3, new Object[] {"Gen", Opcodes.INTEGER, Opcodes.INTEGER}, 0, new Object[0]);
            mv.visitIincInsn(1, 1);
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitJumpInsn(Opcodes.IFEQ, loop);
            mv.visitInsn(Opcodes.RETURN);
        }, 3);
        // stack heights that differ where two paths meet
        byte[] heights = generated(mv -> {
            Label join = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.IFEQ, join);
            mv.visitLdcInsn("junk");
            mv.visitLabel(join);
            mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {"Gen"}, 0, new Object[0]);
            mv.visitInsn(Opcodes.RETURN);
        }, 1);
        // a jump to a place with no frame
        byte[] noFrame = generated(mv -> {
            Label join = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.IFEQ, join);
            mv.visitLabel(join);
            mv.visitInsn(Opcodes.RETURN);
        }, 1);
        String[] reasons = {"local 2 is . falls through to a frame that says I",
                "Incompatible stack heights", "no stack map frame at the target"};
        byte[][] classes = {unset, heights, noFrame};
        for (int i = 0; i < classes.length; i++) {
            byte[] bad = classes[i];
            assertThrows(VerifyError.class, () -> WeaverTest.define("Gen", bad), reasons[i]);
            WeaveRejected e = assertThrows(WeaveRejected.class, () -> Verification.check(bad, "m", "()V"));
            assertTrue(e.getMessage().contains(reasons[i]), e.getMessage());
        }
        // and the correct method passes both
        byte[] good = generated(mv -> {
            Label loop = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, 1);
            mv.visitLabel(loop);
            mv.visitFrame(Opcodes.F_NEW, 2, new Object[] {"Gen", Opcodes.INTEGER}, 0, new Object[0]);
            mv.visitIincInsn(1, 1);
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitJumpInsn(Opcodes.IFEQ, loop);
            mv.visitInsn(Opcodes.RETURN);
        }, 3);
        WeaverTest.define("Gen", good);
        Verification.check(good, "m", "()V");
    }

    interface Code {
        void write(MethodVisitor mv);
    }

    /** A class "Gen" of version 52 with a method {@code void m()} whose code (and frames) are as written. */
    static byte[] generated(Code code, int maxLocals) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "Gen", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "m", "()V", null, null);
        mv.visitCode();
        code.write(mv);
        mv.visitMaxs(2, maxLocals);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code ldc "junk"} before every return of the method: legal, the JVM discards the stack on return. */
    static byte[] junkBeforeReturn(byte[] classfile, final String method) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return !name.equals(method) ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                            super.visitLdcInsn("junk");
                            if (opcode != Opcodes.RETURN) {
                                super.visitInsn(Opcodes.SWAP); // the return value back on top
                            }
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The exit advice starts with {@code ldc (I)V; pop}: what javac writes for no Java source, but legal in 52. */
    private static byte[] ldcMethodTypeInExit(byte[] advice) {
        ClassReader reader = new ClassReader(advice);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return !name.equals("exit") ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitLdcInsn(Type.getMethodType("(I)V"));
                        super.visitInsn(Opcodes.POP);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The class with another version; below 50 without frames. */
    static byte[] version(byte[] classfile, int version) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        }, version < Opcodes.V1_6 ? ClassReader.SKIP_FRAMES : 0);
        return writer.toByteArray();
    }

    /**
     * A class of version 50 raised to 51, so that the JVM checks it with the type-checking verifier (for 50 HotSpot
     * falls back to the old one when the frames are wrong, and a test would not see them); other versions as they are.
     */
    static byte[] typeChecked(byte[] classfile) {
        int major = ((classfile[6] & 0xFF) << 8) | (classfile[7] & 0xFF);
        if (major != Opcodes.V1_6) {
            return classfile;
        }
        byte[] raised = classfile.clone();
        raised[7] = (byte) Opcodes.V1_7;
        return raised;
    }
}
