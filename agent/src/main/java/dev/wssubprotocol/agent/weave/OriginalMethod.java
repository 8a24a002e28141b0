package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * What the weave must know of the target method's own code before it rewrites it, read in one pass:
 * <ul>
 * <li>which parameter slots may not hold the parameter when the method returns or throws: the code stores into
 * them, or one of its stack map frames shows them as anything but the parameter's type (ProGuard shows a dead
 * parameter as TOP). An exit advice's {@code @Argument} then reads a copy taken on entry, as Byte Buddy's
 * {@code Advice} does by default ({@code backupArguments}), and the frames of the exit code show such a slot as
 * TOP;</li>
 * <li>for each return, in code order, the values left on the operand stack under the returned value: they are
 * popped before the jump to the exit advice, as Byte Buddy does, so that every path reaches the exit advice with
 * an empty stack.</li>
 * </ul>
 */
final class OriginalMethod {
    private static final int[] NONE = new int[0];

    /** per parameter slot: the method's code stores into it, or a frame shows another type there */
    final boolean[] changed;
    /** per return instruction, in code order: the sizes (1 or 2) of the values under the returned one, top first */
    final List<int[]> leftOnReturn = new ArrayList<int[]>();

    private OriginalMethod(int parameterSlots) {
        this.changed = new boolean[parameterSlots];
    }

    /** @param initial the parameters as a frame shows them on entry, one entry per slot (the second half of a long
     *                or double is TOP) */
    static OriginalMethod read(byte[] target, String name, String descriptor, List<Object> initial) {
        int parameterSlots = initial.size();
        ClassMethod read = ClassMethod.read(target, name, descriptor);
        MethodNode method = read.method;
        OriginalMethod facts = new OriginalMethod(parameterSlots);
        if (method == null || method.instructions.size() == 0) {
            return facts;
        }
        for (AbstractInsnNode insn : method.instructions) {
            int opcode = insn.getOpcode();
            if (insn instanceof VarInsnNode && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                facts.written(((VarInsnNode) insn).var, opcode == Opcodes.LSTORE || opcode == Opcodes.DSTORE);
            } else if (insn instanceof IincInsnNode) {
                facts.written(((IincInsnNode) insn).var, false);
            } else if (insn instanceof FrameNode) {
                List<Object> local = ((FrameNode) insn).local;
                for (int i = 0, slot = 0; slot < parameterSlots; i++) {
                    Object type = i < local.size() ? local.get(i) : Opcodes.TOP;
                    if (!type.equals(initial.get(slot))) {
                        facts.written(slot, false);
                    }
                    slot++;
                    if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                        if (!type.equals(initial.get(slot - 1))) {
                            facts.written(slot, false);
                        }
                        slot++;
                    }
                }
            }
        }
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<BasicValue>(new BasicInterpreter()).analyze(read.owner, method);
        } catch (AnalyzerException e) {
            throw Inliner.refused("the method's own code does not analyse: " + e.getMessage());
        }
        for (int i = 0; i < method.instructions.size(); i++) {
            int opcode = method.instructions.get(i).getOpcode();
            if (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
                continue;
            }
            Frame<BasicValue> frame = frames[i];
            int below = frame == null ? 0 : frame.getStackSize() - (opcode == Opcodes.RETURN ? 0 : 1);
            if (below <= 0) {
                facts.leftOnReturn.add(NONE);
                continue;
            }
            int[] sizes = new int[below];
            for (int k = 0; k < below; k++) {
                sizes[k] = frame.getStack(below - 1 - k).getSize();
            }
            facts.leftOnReturn.add(sizes);
        }
        return facts;
    }

    private void written(int slot, boolean wide) {
        for (int s = slot; s <= slot + (wide ? 1 : 0); s++) {
            if (s < changed.length) {
                changed[s] = true;
            }
        }
    }
}
