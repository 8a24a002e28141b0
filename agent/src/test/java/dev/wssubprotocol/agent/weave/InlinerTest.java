package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.weave.inlining.ArgumentsAdvice;
import dev.wssubprotocol.agent.weave.inlining.DoubleReturnAdvice;
import dev.wssubprotocol.agent.weave.inlining.DoubleTarget;
import dev.wssubprotocol.agent.weave.inlining.Events;
import dev.wssubprotocol.agent.weave.inlining.ExitArgumentsAdvice;
import dev.wssubprotocol.agent.weave.inlining.LongReturnAdvice;
import dev.wssubprotocol.agent.weave.inlining.LongTarget;
import dev.wssubprotocol.agent.weave.inlining.Reassigning;
import dev.wssubprotocol.agent.weave.inlining.StaticTarget;
import dev.wssubprotocol.agent.weave.inlining.VoidTarget;
import dev.wssubprotocol.agent.weave.inlining.ExitOnlyAdvice;
import dev.wssubprotocol.agent.weave.inlining.FullAdvice;
import dev.wssubprotocol.agent.weave.inlining.PlainAdvice;
import dev.wssubprotocol.agent.weave.inlining.Target;
import dev.wssubprotocol.agent.weave.inlining.Unsupported;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inliner against Byte Buddy's own {@code Advice}, the reference for what the annotations mean: the same advice
 * woven into the same method both ways must behave the same in every case, run for real (each copy of the target is
 * defined in a class loader of its own and verified by the JVM).
 */
class InlinerTest {
    private static final String RUN = "(Ljava/lang/String;IJ)Ljava/lang/String;";
    /** 0: plain; 1: the method throws; 2: loops; 3: the enter advice throws; 4: the method catches its own exception */
    private static final int[] MODES = {0, 1, 2, 3, 4};

    @Test
    void behavesAsByteBuddyWithEveryBindingAndBothSuppressions() throws Exception {
        List<String> reference = runAll(byteBuddy(FullAdvice.class));
        List<String> inlined = runAll(inliner(FullAdvice.class));
        assertEquals(reference, inlined);
        // and the cases did what they are there for
        assertTrue(reference.contains("enter Target x 1 f"), reference.toString());
        assertTrue(reference.contains("exit entered null java.lang.IllegalStateException: thrown by the method x+0 1"),
                reference.toString());
        assertTrue(reference.contains("mode 3 returned x:f:2.0 field f counter 40"), reference.toString());
        assertTrue(reference.contains("mode 4 returned caught by the method field F counter 70"), reference.toString());
    }

    @Test
    void behavesAsByteBuddyWithAnExitOnReturnsOnly() throws Exception {
        List<String> reference = runAll(byteBuddy(PlainAdvice.class));
        assertEquals(reference, runAll(inliner(PlainAdvice.class)));
        assertTrue(reference.contains("exit true x:f:0.5"), reference.toString());
        assertTrue(reference.contains("mode 1 threw java.lang.IllegalStateException: thrown by the method field f"
                + " counter 1"), reference.toString());
    }

    @Test
    void behavesAsByteBuddyWithAnExitOnlyAdviceThatCallsTheMethodAgainAndDropsTheThrowable() throws Exception {
        List<String> reference = runAll(byteBuddy(ExitOnlyAdvice.class));
        assertEquals(reference, runAll(inliner(ExitOnlyAdvice.class)));
        assertTrue(reference.contains("again x:f:0.5"), reference.toString());
        assertTrue(reference.contains("mode 1 returned null field f counter 1"), reference.toString());
    }

    @Test
    void refusesWhatItDoesNotImplement() throws Exception {
        for (Class<?> advice : Arrays.asList(Unsupported.Origin.class, Unsupported.Helper.class,
                Unsupported.ReadOnly.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> inliner(advice),
                    advice.getSimpleName());
            assertTrue(e.getMessage().startsWith("advice not supported by the inliner: "), e.getMessage());
        }
    }

    /**
     * Every target shape (parameters reassigned, static, void, long and double returns, values left on the stack at
     * return) at class-file versions 49, 50, 51 and 52, with every advice that fits it: the inliner's weave must pass
     * the check, link (50 linked as 51) and behave as Byte Buddy's, case by case.
     */
    @Test
    void behavesAsByteBuddyOnEveryTargetShapeAndClassVersion() throws Exception {
        Object[][] targets = {
                {Target.class, new Class<?>[] {FullAdvice.class, PlainAdvice.class, ExitOnlyAdvice.class,
                        ArgumentsAdvice.class, ExitArgumentsAdvice.class}},
                {Reassigning.class, new Class<?>[] {FullAdvice.class, PlainAdvice.class, ArgumentsAdvice.class,
                        ExitArgumentsAdvice.class}},
                {StaticTarget.class, new Class<?>[] {PlainAdvice.class, ArgumentsAdvice.class}},
                {VoidTarget.class, new Class<?>[] {ArgumentsAdvice.class, ExitArgumentsAdvice.class}},
                {LongTarget.class, new Class<?>[] {ArgumentsAdvice.class, LongReturnAdvice.class}},
                {DoubleTarget.class, new Class<?>[] {ArgumentsAdvice.class, DoubleReturnAdvice.class}},
        };
        int compared = 0;
        for (Object[] row : targets) {
            String name = ((Class<?>) row[0]).getName();
            for (boolean junk : new boolean[] {false, true}) {
                byte[] original = PatchesTest.bytes(name);
                if (junk) {
                    original = valuesLeftOnReturn(original);
                }
                for (int version : new int[] {Opcodes.V1_5, Opcodes.V1_6, Opcodes.V1_7, Opcodes.V1_8}) {
                    byte[] target = CheckedWeaveTest.version(original, version);
                    for (Class<?> advice : (Class<?>[]) row[1]) {
                        String what = name + (junk ? " with values left on the stack" : "") + " version " + version
                                + " " + advice.getSimpleName();
                        byte[] inlined = Inliner.inline(target, ClassInfo.of(target), "run",
                                descriptor((Class<?>) row[0]), PatchesTest.bytes(advice.getName()));
                        Verification.check(inlined, "run", descriptor((Class<?>) row[0]));
                        List<String> reference = runAll(name, byteBuddy(name, target, advice));
                        assertEquals(reference, runAll(name, inlined), what);
                        compared++;
                    }
                }
            }
        }
        assertEquals(2 * 4 * 17, compared);
    }

    /** What the cases above are there for: the exit advice sees reassigned arguments as they were on entry. */
    @Test
    void anExitAdviceSeesTheArgumentsTheMethodReassignedAsOnEntry() throws Exception {
        String name = Reassigning.class.getName();
        byte[] target = PatchesTest.bytes(name);
        List<String> inlined = runAll(name, Inliner.inline(target, ClassInfo.of(target), "run", RUN,
                PatchesTest.bytes(ExitArgumentsAdvice.class.getName())));
        assertEquals(runAll(name, byteBuddy(name, target, ExitArgumentsAdvice.class)), inlined);
        assertTrue(inlined.contains("exit x 4 1"), inlined.toString()); // the method made them x? 2 2
        List<String> withEnter = runAll(name, Inliner.inline(target, ClassInfo.of(target), "run", RUN,
                PatchesTest.bytes(ArgumentsAdvice.class.getName())));
        assertTrue(withEnter.contains("exit x+e 4 1 null"), withEnter.toString()); // as the enter advice left them
    }

    /**
     * Frames as ProGuard writes them, a dead long parameter shown as TOP: the method's own locals after the
     * parameters must stay where the frames say (before, the inliner took a TOP for the whole long and shifted
     * them, and the class failed to verify).
     */
    @Test
    void framesWithADeadLongParameterAsTop() throws Exception {
        byte[] target = proGuarded();
        WeaverTest.define("ProGuarded", target);
        byte[] inlined = Inliner.inline(target, ClassInfo.of(target), "run", RUN,
                PatchesTest.bytes(PlainAdvice.class.getName()));
        Verification.check(inlined, "run", RUN);
        assertEquals(runAll("ProGuarded", byteBuddy("ProGuarded", target, PlainAdvice.class)),
                runAll("ProGuarded", inlined));
    }

    private static String descriptor(Class<?> target) {
        return "(Ljava/lang/String;IJ)" + returnDescriptor(target);
    }

    private static String returnDescriptor(Class<?> target) {
        for (Method m : target.getDeclaredMethods()) {
            if (m.getName().equals("run")) {
                return org.objectweb.asm.Type.getDescriptor(m.getReturnType());
            }
        }
        throw new IllegalArgumentException(target.getName());
    }

    /**
     * Before every return of run: a String and a long pushed under the return value (legal bytecode; the JVM drops
     * the stack on return).
     */
    static byte[] valuesLeftOnReturn(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return !name.equals("run") ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                            boolean wide = opcode == Opcodes.LRETURN || opcode == Opcodes.DRETURN;
                            if (opcode != Opcodes.RETURN) { // the return value into a spare local and back
                                super.visitVarInsn(opcode - Opcodes.IRETURN + Opcodes.ISTORE, 40);
                            }
                            super.visitLdcInsn("junk");
                            super.visitLdcInsn(7L);
                            if (opcode != Opcodes.RETURN) {
                                super.visitVarInsn(opcode - Opcodes.IRETURN + Opcodes.ILOAD, 40);
                            }
                        }
                        super.visitInsn(opcode);
                    }

                    @Override
                    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                        super.visitFrame(type, numLocal, local, numStack, stack); // slot 40 is never in a frame
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A class as ProGuard leaves it: run(String, int, long) whose frames show the unused long as TOP, TOP. */
    private static byte[] proGuarded() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "ProGuarded", null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", RUN, null, null);
        mv.visitCode();
        Label loop = new Label();
        Label done = new Label();
        Object[] locals = {"ProGuarded", "java/lang/String", Opcodes.INTEGER, Opcodes.TOP, Opcodes.TOP,
                Opcodes.INTEGER};
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 5);
        mv.visitLabel(loop);
        mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ILOAD, 5);
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, done);
        mv.visitIincInsn(5, 1);
        mv.visitJumpInsn(Opcodes.GOTO, loop);
        mv.visitLabel(done);
        mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ILOAD, 5);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
                "(Ljava/lang/String;)Ljava/lang/String;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(2, 6);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Byte Buddy's Advice on a class given as bytes (any version, any shape). */
    private static byte[] byteBuddy(String name, byte[] classfile, Class<?> advice) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classfile),
                ClassFileLocator.ForClassLoader.of(advice.getClassLoader()));
        return new ByteBuddy()
                .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                .visit(Advice.to(advice, ClassFileLocator.ForClassLoader.of(advice.getClassLoader()))
                        .on(ElementMatchers.named("run")))
                .make()
                .getBytes();
    }

    private static byte[] inliner(Class<?> advice) throws Exception {
        byte[] target = PatchesTest.bytes(Target.class.getName());
        return Inliner.inline(target, ClassInfo.of(target), "run", RUN, PatchesTest.bytes(advice.getName()));
    }

    private static byte[] byteBuddy(Class<?> advice) {
        return new ByteBuddy()
                .redefine(Target.class)
                .visit(Advice.to(advice, ClassFileLocator.ForClassLoader.of(advice.getClassLoader()))
                        .on(ElementMatchers.named("run")))
                .make()
                .getBytes();
    }

    /** Every mode on a fresh instance: the advice's events, then what the method returned or threw, and the fields. */
    private static List<String> runAll(byte[] woven) throws Exception {
        return runAll(Target.class.getName(), woven);
    }

    private static List<String> runAll(String name, byte[] woven) throws Exception {
        Class<?> type = WeaverTest.define(name, CheckedWeaveTest.typeChecked(woven));
        Method run = type.getMethod("run", String.class, int.class, long.class);
        boolean isStatic = Modifier.isStatic(run.getModifiers());
        Field field = field(type, "field");
        Field counter = field(type, "counter");
        List<String> log = new ArrayList<String>();
        for (int mode : MODES) {
            Object target = isStatic ? null : type.getConstructor().newInstance();
            Events.LOG.clear();
            String outcome;
            try {
                outcome = "returned " + run.invoke(target, "x", mode, 1L);
            } catch (InvocationTargetException e) {
                outcome = "threw " + e.getCause();
            }
            log.addAll(Events.LOG);
            log.add("mode " + mode + " " + outcome + (field == null ? "" : " field " + field.get(target))
                    + (counter == null ? "" : " counter " + counter.get(target)));
        }
        return log;
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
