package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * The check every woven class passes before its bytes go to the JVM. It reads the woven method back and checks it
 * the way the JVM's verifier will, with ASM's analysis package and without loading a class:
 * <ul>
 * <li>every instruction is legal for the class-file version (no {@code ldc} of a class below 49, of a method type
 * or handle below 51, of a dynamic constant below 55, no {@code invokedynamic} below 51, no
 * {@code invokestatic}/{@code invokespecial} of an interface method below 52, no subroutine from 51 on);</li>
 * <li>the data flow is consistent ({@link Analyzer} with {@link BasicVerifier}: stack heights at every merge, the
 * kind of value each instruction takes, the value returned);</li>
 * <li>from class-file version 50 on, the stack map frames are what the type-checking verifier reads: the method is
 * checked instruction by instruction, each frame taking over as the state, and every jump, fall-through and
 * exception handler must match the frame at its target.</li>
 * </ul>
 * Reference types are compared as "a reference" only (knowing that one class is assignable to another would mean
 * loading it); the inliner never changes a reference's type, it only moves values between slots, and that is
 * what goes wrong when a frame is wrong.
 */
public final class Verification {
    private Verification() {
    }

    /**
     * @param woven the class file as the weave produced it
     * @throws WeaveRejected naming the first problem; the class must then be left unchanged
     */
    public static void check(byte[] woven, String name, String descriptor) throws WeaveRejected {
        ClassMethod read = ClassMethod.read(woven, name, descriptor);
        MethodNode method = read.method;
        if (method == null) {
            throw new WeaveRejected("the woven class has no method " + name + descriptor);
        }
        String where = name + descriptor;
        instructionsFor(read.version, method, where);
        try {
            new Analyzer<BasicValue>(new BasicVerifier()).analyze(read.owner, method);
        } catch (AnalyzerException e) {
            throw new WeaveRejected(where + " would not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new WeaveRejected(where + " would not verify: " + e);
        }
        if (read.version >= Opcodes.V1_6) {
            try {
                new FrameCheck(read.owner, method).run();
            } catch (AnalyzerException e) {
                throw new WeaveRejected(where + " would not verify: " + e.getMessage());
            } catch (RuntimeException e) {
                throw new WeaveRejected(where + " would not verify: " + e);
            }
        }
    }

    /** Every instruction is one the class-file version allows. */
    static void instructionsFor(int version, MethodNode method, String where) throws WeaveRejected {
        for (AbstractInsnNode insn : method.instructions) {
            int needed = 0;
            String what = null;
            int opcode = insn.getOpcode();
            if (insn instanceof LdcInsnNode) {
                Object value = ((LdcInsnNode) insn).cst;
                if (value instanceof Type && ((Type) value).getSort() == Type.METHOD) {
                    needed = Opcodes.V1_7;
                    what = "ldc of a method type";
                } else if (value instanceof Type) {
                    needed = Opcodes.V1_5;
                    what = "ldc of a class";
                } else if (value instanceof Handle) {
                    needed = Opcodes.V1_7;
                    what = "ldc of a method handle";
                } else if (value instanceof ConstantDynamic) {
                    needed = Opcodes.V11;
                    what = "ldc of a dynamic constant";
                }
            } else if (opcode == Opcodes.INVOKEDYNAMIC) {
                needed = Opcodes.V1_7;
                what = "invokedynamic";
            } else if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).itf
                    && (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKESPECIAL)) {
                needed = Opcodes.V1_8;
                what = "a call of an interface's " + (opcode == Opcodes.INVOKESTATIC ? "static" : "private or default")
                        + " method";
            } else if ((opcode == Opcodes.JSR || opcode == Opcodes.RET) && version >= Opcodes.V1_7) {
                throw new WeaveRejected(where + ": a subroutine (jsr/ret) in a class of version " + version);
            }
            if (what != null && version < needed) {
                throw new WeaveRejected(where + ": " + what + " in a class of version " + version
                        + " (needs " + needed + ")");
            }
        }
    }

    /**
     * The type-checking verifier's walk, on ASM's basic values: one pass in code order; a frame replaces the state
     * (after the state that falls through to it was found to match); jumps and exception handlers must match the
     * frame at their target; after goto, return, athrow and switches only a frame can start the next instruction.
     */
    private static final class FrameCheck {
        private final String owner;
        private final MethodNode method;
        private final InsnList code;
        private final BasicVerifier interpreter = new BasicVerifier();

        FrameCheck(String owner, MethodNode method) {
            this.owner = owner;
            this.method = method;
            this.code = method.instructions;
        }

        void run() throws AnalyzerException {
            Frame<BasicValue> current = entry();
            for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof FrameNode) {
                    Frame<BasicValue> declared = declared((FrameNode) insn);
                    if (current != null) {
                        matches(insn, current, declared, "falls through to");
                    }
                    current = declared;
                    continue;
                }
                if (insn.getOpcode() < 0) {
                    continue; // labels, line numbers
                }
                if (current == null) {
                    throw new AnalyzerException(insn, "no stack map frame after an unconditional jump");
                }
                handlers(insn, current);
                Frame<BasicValue> after = new Frame<BasicValue>(current);
                after.execute(insn, interpreter);
                handlers(insn, after);
                for (LabelNode target : targets(insn)) {
                    matches(insn, after, frameAt(insn, target), "jumps to");
                }
                current = unconditional(insn.getOpcode()) ? null : after;
            }
        }

        private static boolean unconditional(int opcode) {
            return opcode == Opcodes.GOTO || opcode == Opcodes.ATHROW || opcode == Opcodes.TABLESWITCH
                    || opcode == Opcodes.LOOKUPSWITCH || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN
                    || opcode == Opcodes.RET || opcode == Opcodes.JSR;
        }

        private static List<LabelNode> targets(AbstractInsnNode insn) {
            List<LabelNode> targets = new ArrayList<LabelNode>();
            if (insn instanceof JumpInsnNode) {
                targets.add(((JumpInsnNode) insn).label);
            } else if (insn instanceof TableSwitchInsnNode) {
                targets.add(((TableSwitchInsnNode) insn).dflt);
                targets.addAll(((TableSwitchInsnNode) insn).labels);
            } else if (insn instanceof LookupSwitchInsnNode) {
                targets.add(((LookupSwitchInsnNode) insn).dflt);
                targets.addAll(((LookupSwitchInsnNode) insn).labels);
            }
            return targets;
        }

        /** An instruction inside a try block: its locals must match the handler's frame. */
        private void handlers(AbstractInsnNode insn, Frame<BasicValue> state) throws AnalyzerException {
            int index = code.indexOf(insn);
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (code.indexOf(block.start) <= index && index < code.indexOf(block.end)) {
                    Frame<BasicValue> handler = frameAt(insn, block.handler);
                    if (handler.getStackSize() != 1 || !handler.getStack(0).isReference()) {
                        throw new AnalyzerException(insn, "the frame of its exception handler has not just the"
                                + " exception on the stack");
                    }
                    for (int i = 0; i < handler.getLocals(); i++) {
                        if (!assignable(state.getLocal(i), handler.getLocal(i))) {
                            throw new AnalyzerException(insn, "local " + i + " is " + state.getLocal(i)
                                    + " but its exception handler's frame says " + handler.getLocal(i));
                        }
                    }
                }
            }
        }

        private Frame<BasicValue> frameAt(AbstractInsnNode from, LabelNode label) throws AnalyzerException {
            for (AbstractInsnNode insn = label; insn != null; insn = insn.getNext()) {
                if (insn instanceof FrameNode) {
                    return declared((FrameNode) insn);
                }
                if (insn.getOpcode() >= 0) {
                    break;
                }
            }
            throw new AnalyzerException(from, "no stack map frame at the target of a jump or handler");
        }

        private void matches(AbstractInsnNode at, Frame<BasicValue> actual, Frame<BasicValue> declared, String how)
                throws AnalyzerException {
            if (actual.getStackSize() != declared.getStackSize()) {
                throw new AnalyzerException(at, "stack height " + actual.getStackSize() + " " + how
                        + " a frame with stack height " + declared.getStackSize());
            }
            for (int i = 0; i < declared.getStackSize(); i++) {
                if (!assignable(actual.getStack(i), declared.getStack(i))) {
                    throw new AnalyzerException(at, "stack entry " + i + " is " + actual.getStack(i) + " " + how
                            + " a frame that says " + declared.getStack(i));
                }
            }
            for (int i = 0; i < declared.getLocals(); i++) {
                if (!assignable(actual.getLocal(i), declared.getLocal(i))) {
                    throw new AnalyzerException(at, "local " + i + " is " + actual.getLocal(i) + " " + how
                            + " a frame that says " + declared.getLocal(i));
                }
            }
        }

        /** declared TOP takes anything; else the same kind of value (a reference for any reference type) */
        private static boolean assignable(BasicValue actual, BasicValue declared) {
            return declared == BasicValue.UNINITIALIZED_VALUE || declared.equals(actual);
        }

        private Frame<BasicValue> newFrame() {
            Frame<BasicValue> frame = new Frame<BasicValue>(method.maxLocals, method.maxStack);
            frame.setReturn(interpreter.newReturnTypeValue(Type.getReturnType(method.desc)));
            return frame;
        }

        private Frame<BasicValue> entry() {
            Frame<BasicValue> frame = newFrame();
            int slot = 0;
            if ((method.access & Opcodes.ACC_STATIC) == 0) {
                frame.setLocal(slot++, BasicValue.REFERENCE_VALUE);
            }
            for (Type argument : Type.getArgumentTypes(method.desc)) {
                frame.setLocal(slot++, interpreter.newValue(argument));
                if (argument.getSize() == 2) {
                    frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
                }
            }
            while (slot < method.maxLocals) {
                frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
            }
            return frame;
        }

        private Frame<BasicValue> declared(FrameNode node) throws AnalyzerException {
            if (node.type != Opcodes.F_NEW) {
                throw new AnalyzerException(node, "a compressed frame (the class is read with expanded frames)");
            }
            Frame<BasicValue> frame = newFrame();
            int slot = 0;
            for (Object local : node.local) {
                if (slot >= method.maxLocals) {
                    throw new AnalyzerException(node, "a frame with more locals than the method has");
                }
                BasicValue value = value(local);
                frame.setLocal(slot++, value);
                if (value.getSize() == 2) {
                    if (slot >= method.maxLocals) {
                        throw new AnalyzerException(node, "a frame with more locals than the method has");
                    }
                    frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
                }
            }
            while (slot < method.maxLocals) {
                frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
            }
            for (Object entry : node.stack) {
                if (frame.getStackSize() >= method.maxStack) {
                    throw new AnalyzerException(node, "a frame with a deeper stack than the method has");
                }
                frame.push(value(entry));
            }
            return frame;
        }

        private static BasicValue value(Object type) {
            if (type == Opcodes.TOP) {
                return BasicValue.UNINITIALIZED_VALUE;
            } else if (type == Opcodes.INTEGER) {
                return BasicValue.INT_VALUE;
            } else if (type == Opcodes.FLOAT) {
                return BasicValue.FLOAT_VALUE;
            } else if (type == Opcodes.LONG) {
                return BasicValue.LONG_VALUE;
            } else if (type == Opcodes.DOUBLE) {
                return BasicValue.DOUBLE_VALUE;
            }
            return BasicValue.REFERENCE_VALUE; // null, uninitializedThis, a class, an uninitialized new
        }
    }
}
