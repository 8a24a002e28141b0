package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Inlines an advice class into one method with ASM alone. The advice is written with Byte Buddy's {@code Advice}
 * annotations and means what Byte Buddy documents for them; this class implements the part of that model the patches
 * use, because Byte Buddy's complete weaver loads some 700 classes to weave one method (see the README's section on
 * cost), while this needs ASM's class reader and writer:
 * <ul>
 * <li>{@code @OnMethodEnter(suppress = T)}: runs before the method's code; its return value is the {@code @Enter}
 * value of the exit advice. An exception of type T thrown inside the advice is dropped and the enter value is the
 * type's default (false, null).</li>
 * <li>{@code @OnMethodExit(onThrowable = T, suppress = T)}: runs after every return, and also after a throwable of
 * type T when {@code onThrowable} is set; the method then returns its own value or rethrows its throwable.</li>
 * <li>Parameters: {@code @This}; {@code @Argument(n)}; {@code @FieldValue(name)} of a field the class declares;
 * {@code @Enter}; {@code @Return}; {@code @Thrown}. {@code readOnly = false} on an argument or a field makes an
 * assignment in the advice write it; on {@code @Thrown}, assigning null makes the method return instead of
 * throwing (its return value is then the type's default).</li>
 * </ul>
 * As Byte Buddy does by default, an exit advice's {@code @Argument} shows the value on entry when the method may
 * change that parameter (a copy is taken on entry), and values the method leaves under its return value are popped
 * before the exit advice runs ({@link OriginalMethod}).
 * Anything else (other annotations or attributes, calls into the advice class, invokedynamic, subroutines) is refused
 * with an {@link IllegalStateException} before a byte is written: the class then stays as it is.
 * <p>
 * This class copies code; reading the advice is {@link AdviceMethod}, checking its bindings against the method
 * {@link Bindings}, and {@link Verification} checks the result before it goes to the JVM.
 */
final class Inliner {
    static final int API = Opcodes.ASM9;
    private static final String THROWABLE = "java/lang/Throwable";

    private Inliner() {
    }

    /**
     * @param target     the class file
     * @param info       the same class's {@link ClassInfo}
     * @param descriptor the method's descriptor (its name and descriptor name exactly one method)
     * @param advice     the advice's class file, already moved to a relocated copy's packages
     * @return the class file with the advice inlined into the method; every other method is copied unchanged
     */
    static byte[] inline(final byte[] target, final ClassInfo info, final String name, final String descriptor,
                         final byte[] advice) {
        final AdviceMethod[] methods = AdviceMethod.read(advice);
        ClassReader reader = new ClassReader(target);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        final int[] woven = new int[1];
        reader.accept(new ClassVisitor(API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String methodName, String methodDescriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor out = super.visitMethod(access, methodName, methodDescriptor, signature, exceptions);
                if (!methodName.equals(name) || !methodDescriptor.equals(descriptor)) {
                    return out;
                }
                woven[0]++;
                OriginalMethod facts = methods[1] == null ? null
                        : OriginalMethod.read(target, name, descriptor, parameterFrame(info, access, descriptor));
                return new Woven(out, info, access, descriptor, methods[0], methods[1], advice, facts);
            }
        }, ClassReader.EXPAND_FRAMES);
        if (woven[0] != 1) {
            throw new IllegalStateException("no method " + name + descriptor + " in " + info.className());
        }
        return writer.toByteArray();
    }

    /** The parameters as a stack map frame shows them on entry, one entry per slot (TOP for a long's second). */
    private static List<Object> parameterFrame(ClassInfo info, int access, String descriptor) {
        List<Object> slots = new ArrayList<Object>();
        if ((access & Opcodes.ACC_STATIC) == 0) {
            slots.add(info.name);
        }
        for (Type t : Type.getArgumentTypes(descriptor)) {
            slots.add(frameType(t));
            if (t.getSize() == 2) {
                slots.add(Opcodes.TOP);
            }
        }
        return slots;
    }

    static IllegalStateException refused(String what) {
        return new IllegalStateException("advice not supported by the inliner: " + what);
    }

    /**
     * The target method as it is rewritten. Its locals: the parameters (slots 0..P-1), then the enter value, the
     * return value and the throwable (K slots in all), then the method's own locals, moved up by K. The advice's own
     * locals start after all these (P+K onwards) while the advice runs, when the method's locals are not live.
     */
    private static final class Woven extends MethodVisitor {
        private final ClassInfo info;
        private final boolean isStatic;
        private final boolean frames;
        private final AdviceMethod enter;
        private final AdviceMethod exit;
        private final byte[] advice;
        private final Type[] arguments;
        private final int[] argumentSlot;
        private final Type returned;
        private final int parameterSlots;
        private final int enterSlot;
        private final int returnSlot;
        private final int thrownSlot;
        private final int extraSlots;
        /** per argument: the slot of its copy taken on entry, read by the exit advice; -1 when not copied */
        private final int[] backupSlot;
        private final OriginalMethod facts;
        private int returns;
        private final List<Object> initial = new ArrayList<Object>();
        /** the parameters as the exit code's frames show them: TOP where the method may have changed the slot */
        private final List<Object> afterwards = new ArrayList<Object>();
        private final Label originalStart = new Label();
        private final Label originalEnd = new Label();
        private final Label exitNormal = new Label();

        Woven(MethodVisitor out, ClassInfo info, int access, String descriptor, AdviceMethod enter,
              AdviceMethod exit, byte[] advice, OriginalMethod facts) {
            super(API, out);
            this.info = info;
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.frames = info.version >= Opcodes.V1_6;
            this.enter = enter;
            this.exit = exit;
            this.advice = advice;
            this.arguments = Type.getArgumentTypes(descriptor);
            this.returned = Type.getReturnType(descriptor);
            this.argumentSlot = new int[arguments.length];
            int slot = isStatic ? 0 : 1;
            if (!isStatic) {
                initial.add(info.name);
            }
            for (int i = 0; i < arguments.length; i++) {
                argumentSlot[i] = slot;
                slot += arguments[i].getSize();
                initial.add(frameType(arguments[i]));
            }
            this.parameterSlots = slot;
            this.enterSlot = slot;
            int enterSize = enter == null ? 0 : enter.returnType.getSize();
            this.returnSlot = enterSlot + enterSize;
            int returnSize = exit == null ? 0 : returned.getSize();
            this.thrownSlot = returnSlot + returnSize;
            int thrownSize = exit != null && exit.onThrowable != null ? 1 : 0;
            this.facts = facts;
            this.backupSlot = new int[arguments.length];
            int next = thrownSlot + thrownSize;
            for (int i = 0; i < arguments.length; i++) {
                backupSlot[i] = -1;
                if (exit != null && binds(exit, i) && changed(facts, argumentSlot[i], arguments[i].getSize())) {
                    backupSlot[i] = next;
                    next += arguments[i].getSize();
                }
            }
            this.extraSlots = next - enterSlot;
            for (int i = 0, at = 0; i < initial.size(); i++) {
                Object type = initial.get(i);
                int size = type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
                if (facts != null && changed(facts, at, size)) {
                    afterwards.addAll(Collections.nCopies(size, Opcodes.TOP));
                } else {
                    afterwards.add(type);
                }
                at += size;
            }
            if (!isStatic && facts != null && facts.changed[0] && usesThis(exit)) {
                throw refused("the method overwrites 'this', which the exit advice uses");
            }
            if ((access & Opcodes.ACC_ABSTRACT) != 0 || (access & Opcodes.ACC_NATIVE) != 0) {
                throw refused("the method has no code");
            }
            Bindings.check(enter, info, isStatic, arguments, enter, returned);
            Bindings.check(exit, info, isStatic, arguments, enter, returned);
        }

        private boolean usesThis(AdviceMethod m) {
            for (Binding b : m.parameters) {
                if (b.kind == Binding.THIS || b.kind == Binding.FIELD && !isStaticField(b.field)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean binds(AdviceMethod m, int argument) {
            for (Binding b : m.parameters) {
                if (b.kind == Binding.ARGUMENT && b.index == argument) {
                    return true;
                }
            }
            return false;
        }

        private static boolean changed(OriginalMethod facts, int slot, int size) {
            for (int s = slot; s < slot + size; s++) {
                if (facts.changed[s]) {
                    return true;
                }
            }
            return false;
        }

        private boolean isStaticField(String field) {
            return (info.fieldAccess.get(field) & Opcodes.ACC_STATIC) != 0;
        }

        // ---- the method's own code: locals moved up, returns sent to the exit advice ----

        @Override
        public void visitCode() {
            super.visitCode();
            if (enter != null) {
                Label start = new Label();
                Label end = new Label();
                Label after = new Label();
                mv.visitLabel(start);
                replay(enter, after);
                mv.visitLabel(end);
                if (enter.suppress != null) {
                    // after the advice's own handlers, so that those are found first
                    Label handler = new Label();
                    mv.visitTryCatchBlock(start, end, handler, enter.suppress);
                    mv.visitLabel(handler);
                    frame(locals(false, false, false, false), enter.suppress);
                    mv.visitInsn(Opcodes.POP);
                    if (enter.returnType.getSort() != Type.VOID) {
                        pushDefault(enter.returnType);
                        mv.visitVarInsn(enter.returnType.getOpcode(Opcodes.ISTORE), enterSlot);
                    }
                }
                mv.visitLabel(after);
                frame(locals(true, false, false, false), null);
                mv.visitInsn(Opcodes.NOP); // the method's own first frame may follow: never two at one offset
            }
            for (int i = 0; i < arguments.length; i++) { // the arguments as they are on entry, for the exit advice
                if (backupSlot[i] >= 0) {
                    mv.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), argumentSlot[i]);
                    mv.visitVarInsn(arguments[i].getOpcode(Opcodes.ISTORE), backupSlot[i]);
                }
            }
            mv.visitLabel(originalStart);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            if (type != Opcodes.F_NEW) {
                throw refused("compressed frames"); // cannot happen: the class is read with EXPAND_FRAMES
            }
            // The frame's entries are counted in slots, not against the parameter list: a dead long or double
            // parameter may be shown as one TOP (ProGuard writes them so), and the entries after the parameters
            // are the method's own locals, which move up past the inserted slots.
            int slots = 0;
            int i = 0;
            List<Object> locals = new ArrayList<Object>();
            for (; i < numLocal && slots < parameterSlots; i++) {
                locals.add(local[i]);
                slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            }
            if (slots > parameterSlots) {
                throw refused("a frame whose locals do not start with the parameters");
            }
            for (; slots < parameterSlots; slots++) {
                locals.add(Opcodes.TOP);
            }
            locals.addAll(extra(true, false, false, true));
            for (; i < numLocal; i++) {
                locals.add(local[i]);
            }
            mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            super.visitVarInsn(opcode, var >= parameterSlots ? var + extraSlots : var);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            super.visitIincInsn(var >= parameterSlots ? var + extraSlots : var, increment);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (opcode == Opcodes.JSR) {
                throw refused("a method with subroutines (JSR)");
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                                       int index) {
            super.visitLocalVariable(name, descriptor, signature, start, end,
                    index >= parameterSlots ? index + extraSlots : index);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                                                              Label[] end, int[] index, String descriptor,
                                                              boolean visible) {
            int[] moved = index.clone();
            for (int i = 0; i < moved.length; i++) {
                moved[i] = moved[i] >= parameterSlots ? moved[i] + extraSlots : moved[i];
            }
            return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, moved, descriptor, visible);
        }

        @Override
        public void visitInsn(int opcode) {
            if (exit != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                if (opcode != Opcodes.RETURN) {
                    mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), returnSlot);
                }
                // values the method left under its return value: dropped, so the exit advice starts on an empty stack
                for (int size : facts.leftOnReturn.get(returns++)) {
                    mv.visitInsn(size == 2 ? Opcodes.POP2 : Opcodes.POP);
                }
                mv.visitJumpInsn(Opcodes.GOTO, exitNormal);
                return;
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (exit != null) {
                mv.visitLabel(originalEnd);
                Label exitStart = exitNormal;
                if (exit.onThrowable != null) {
                    Label thrown = new Label();
                    exitStart = new Label();
                    mv.visitTryCatchBlock(originalStart, originalEnd, thrown, exit.onThrowable);
                    mv.visitLabel(thrown);
                    frame(locals(true, false, false, true), exit.onThrowable);
                    mv.visitVarInsn(Opcodes.ASTORE, thrownSlot);
                    if (returned.getSort() != Type.VOID) {
                        pushDefault(returned);
                        mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), returnSlot);
                    }
                    mv.visitJumpInsn(Opcodes.GOTO, exitStart);
                    mv.visitLabel(exitNormal);
                    frame(locals(true, true, false, true), null);
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    mv.visitVarInsn(Opcodes.ASTORE, thrownSlot);
                }
                List<Object> all = locals(true, true, true, true);
                mv.visitLabel(exitStart);
                frame(all, null);
                mv.visitInsn(Opcodes.NOP); // the advice's first frame may follow
                Label start = new Label();
                Label end = new Label();
                Label done = new Label();
                mv.visitLabel(start);
                replay(exit, done);
                mv.visitLabel(end);
                if (exit.suppress != null) {
                    Label handler = new Label();
                    mv.visitTryCatchBlock(start, end, handler, exit.suppress);
                    mv.visitLabel(handler);
                    frame(all, exit.suppress);
                    mv.visitInsn(Opcodes.POP);
                }
                mv.visitLabel(done);
                frame(all, null);
                if (exit.onThrowable != null) {
                    Label normal = new Label();
                    mv.visitVarInsn(Opcodes.ALOAD, thrownSlot);
                    mv.visitJumpInsn(Opcodes.IFNULL, normal);
                    mv.visitVarInsn(Opcodes.ALOAD, thrownSlot);
                    mv.visitInsn(Opcodes.ATHROW);
                    mv.visitLabel(normal);
                    frame(all, null);
                }
                if (returned.getSort() != Type.VOID) {
                    mv.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), returnSlot);
                }
                mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
            }
            super.visitMaxs(maxStack, maxLocals); // recomputed: the writer runs with COMPUTE_MAXS
        }

        // ---- frames of the inserted code ----

        /** The parameters, then the enter value, return value and throwable: each its type once set, else TOP. */
        private List<Object> locals(boolean enterSet, boolean returnSet, boolean thrownSet, boolean copied) {
            List<Object> locals = new ArrayList<Object>(copied ? afterwards : initial); // copied: the exit code
            locals.addAll(extra(enterSet, returnSet, thrownSet, copied));
            return locals;
        }

        private List<Object> extra(boolean enterSet, boolean returnSet, boolean thrownSet, boolean copied) {
            List<Object> extra = new ArrayList<Object>();
            if (enter != null) {
                slot(extra, enter.returnType, enterSet);
            }
            if (exit != null) {
                slot(extra, returned, returnSet);
                if (exit.onThrowable != null) {
                    slot(extra, Type.getObjectType(THROWABLE), thrownSet);
                }
            }
            for (int i = 0; i < arguments.length; i++) {
                if (backupSlot[i] >= 0) {
                    slot(extra, arguments[i], copied);
                }
            }
            return extra;
        }

        private static void slot(List<Object> locals, Type type, boolean set) {
            if (type.getSort() == Type.VOID) {
                return;
            }
            if (set) {
                locals.add(frameType(type));
            } else {
                locals.addAll(Collections.nCopies(type.getSize(), Opcodes.TOP));
            }
        }

        private void frame(List<Object> locals, String stackTop) {
            if (frames) {
                Object[] stack = stackTop == null ? new Object[0] : new Object[] {stackTop};
                mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack);
            }
        }

        private void pushDefault(Type type) {
            switch (type.getSort()) {
                case Type.LONG:
                    mv.visitInsn(Opcodes.LCONST_0);
                    break;
                case Type.FLOAT:
                    mv.visitInsn(Opcodes.FCONST_0);
                    break;
                case Type.DOUBLE:
                    mv.visitInsn(Opcodes.DCONST_0);
                    break;
                case Type.OBJECT:
                case Type.ARRAY:
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    break;
                default:
                    mv.visitInsn(Opcodes.ICONST_0);
            }
        }

        // ---- the advice's code, copied into the method ----

        /** The exit advice reads an argument the method reassigns from its copy taken on entry. */
        private int argumentSlotFor(AdviceMethod m, int argument) {
            return m.exit && backupSlot[argument] >= 0 ? backupSlot[argument] : argumentSlot[argument];
        }

        /** Copies one advice method's code to the method, its returns turned into jumps to {@code done}. */
        private void replay(final AdviceMethod m, final Label done) {
            final List<Object> base = m.exit ? locals(true, true, true, true) : locals(false, false, false, false);
            final int localBase = parameterSlots + extraSlots;
            final MethodVisitor out = mv;
            new ClassReader(advice).accept(new ClassVisitor(API) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (!name.equals(m.name) || !descriptor.equals(m.descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(API, out) {
                        @Override
                        public void visitParameter(String name, int access) {
                        }

                        @Override
                        public AnnotationVisitor visitAnnotationDefault() {
                            return null;
                        }

                        @Override
                        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                            return null;
                        }

                        @Override
                        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath,
                                                                     String descriptor, boolean visible) {
                            return null;
                        }

                        @Override
                        public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
                        }

                        @Override
                        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor,
                                                                          boolean visible) {
                            return null;
                        }

                        @Override
                        public void visitAttribute(Attribute attribute) {
                            throw refused(m.name + ": attribute " + attribute.type);
                        }

                        @Override
                        public void visitCode() {
                        }

                        @Override
                        public void visitFrame(int type, int numLocal, Object[] local, int numStack,
                                               Object[] stack) {
                            if (!frames) {
                                return;
                            }
                            List<Object> locals = new ArrayList<Object>(base);
                            locals.addAll(Arrays.asList(local).subList(Math.min(numLocal, m.parameters.length),
                                    numLocal));
                            out.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
                        }

                        @Override
                        public void visitInsn(int opcode) {
                            if (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
                                out.visitInsn(opcode);
                                return;
                            }
                            if (opcode != Opcodes.RETURN) { // only the enter advice returns a value
                                out.visitVarInsn(m.returnType.getOpcode(Opcodes.ISTORE), enterSlot);
                            }
                            out.visitJumpInsn(Opcodes.GOTO, done);
                        }

                        @Override
                        public void visitVarInsn(int opcode, int var) {
                            if (opcode == Opcodes.RET) {
                                throw refused(m.name + ": RET");
                            }
                            if (var >= m.parameterSlots) {
                                out.visitVarInsn(opcode, var - m.parameterSlots + localBase);
                                return;
                            }
                            Binding b = m.parameters[m.parameterOfSlot[var]];
                            boolean store = opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
                            if (store && !b.writable) {
                                throw refused(m.name + ": an assignment to a read-only parameter");
                            }
                            switch (b.kind) {
                                case Binding.THIS:
                                    out.visitVarInsn(Opcodes.ALOAD, 0);
                                    break;
                                case Binding.ARGUMENT:
                                    out.visitVarInsn(opcode, argumentSlotFor(m, b.index));
                                    break;
                                case Binding.FIELD:
                                    field(b, store);
                                    break;
                                case Binding.ENTER:
                                    out.visitVarInsn(opcode, enterSlot);
                                    break;
                                case Binding.RETURN:
                                    out.visitVarInsn(opcode, returnSlot);
                                    break;
                                default:
                                    out.visitVarInsn(opcode, thrownSlot);
                            }
                        }

                        private void field(Binding b, boolean store) {
                            String descriptor = b.type.getDescriptor();
                            if (isStaticField(b.field)) {
                                out.visitFieldInsn(store ? Opcodes.PUTSTATIC : Opcodes.GETSTATIC, info.name,
                                        b.field, descriptor);
                                return;
                            }
                            out.visitVarInsn(Opcodes.ALOAD, 0);
                            if (store) {
                                if (b.type.getSize() == 2) {
                                    out.visitInsn(Opcodes.DUP_X2);
                                    out.visitInsn(Opcodes.POP);
                                } else {
                                    out.visitInsn(Opcodes.SWAP);
                                }
                            }
                            out.visitFieldInsn(store ? Opcodes.PUTFIELD : Opcodes.GETFIELD, info.name, b.field,
                                    descriptor);
                        }

                        @Override
                        public void visitIincInsn(int var, int increment) {
                            if (var >= m.parameterSlots) {
                                out.visitIincInsn(var - m.parameterSlots + localBase, increment);
                                return;
                            }
                            Binding b = m.parameters[m.parameterOfSlot[var]];
                            if (b.kind != Binding.ARGUMENT || !b.writable) {
                                throw refused(m.name + ": an increment of a read-only parameter");
                            }
                            out.visitIincInsn(argumentSlotFor(m, b.index), increment);
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            notTheAdvice(type);
                            out.visitTypeInsn(opcode, type);
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                            notTheAdvice(owner);
                            out.visitFieldInsn(opcode, owner, name, descriptor);
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                    boolean isInterface) {
                            notTheAdvice(owner);
                            out.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                           Object... arguments) {
                            throw refused(m.name + ": invokedynamic");
                        }

                        @Override
                        public void visitJumpInsn(int opcode, Label label) {
                            if (opcode == Opcodes.JSR) {
                                throw refused(m.name + ": JSR");
                            }
                            out.visitJumpInsn(opcode, label);
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof Type) {
                                notTheAdvice(((Type) value).getSort() == Type.OBJECT
                                        ? ((Type) value).getInternalName() : "");
                            } else if (!(value instanceof String || value instanceof Number)) {
                                throw refused(m.name + ": constant " + value);
                            }
                            out.visitLdcInsn(value);
                        }

                        @Override
                        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath,
                                                                     String descriptor, boolean visible) {
                            return null;
                        }

                        @Override
                        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath,
                                                                         String descriptor, boolean visible) {
                            return null;
                        }

                        @Override
                        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath,
                                                                              Label[] start, Label[] end,
                                                                              int[] index, String descriptor,
                                                                              boolean visible) {
                            return null;
                        }

                        @Override
                        public void visitLocalVariable(String name, String descriptor, String signature,
                                                       Label start, Label end, int index) {
                        }

                        @Override
                        public void visitLineNumber(int line, Label start) {
                        }

                        @Override
                        public void visitMaxs(int maxStack, int maxLocals) {
                        }

                        @Override
                        public void visitEnd() {
                        }

                        private void notTheAdvice(String type) {
                            if (type.equals(m.owner)) {
                                throw refused(m.name + ": uses its own class");
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.EXPAND_FRAMES);
        }
    }

    /** A type as a stack map frame names it. */
    static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            case Type.ARRAY:
                return type.getDescriptor();
            default:
                return type.getInternalName();
        }
    }
}
