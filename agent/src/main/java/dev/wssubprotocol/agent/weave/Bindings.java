package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Whether an advice method's bindings fit the target method, checked before a byte is written; reading the advice is
 * {@link AdviceMethod}, copying the code {@link Inliner}.
 */
final class Bindings {
    private static final String THROWABLE = "java/lang/Throwable";

    private Bindings() {
    }

    /** Every binding fits the method, with the types Byte Buddy's static typing would accept. */
    static void check(AdviceMethod m, ClassInfo info, boolean isStatic, Type[] arguments, AdviceMethod enter,
                      Type returned) {
        if (m == null) {
            return;
        }
        for (Binding b : m.parameters) {
            Type expected;
            switch (b.kind) {
                case Binding.THIS:
                    if (isStatic) {
                        throw Inliner.refused(m.name + ": @This in a static method");
                    }
                    expected = Type.getObjectType(info.name);
                    break;
                case Binding.ARGUMENT:
                    if (b.index < 0 || b.index >= arguments.length) {
                        throw Inliner.refused(m.name + ": no argument " + b.index);
                    }
                    expected = arguments[b.index];
                    break;
                case Binding.FIELD:
                    String field = info.fields.get(b.field);
                    if (field == null || isStatic && (info.fieldAccess.get(b.field) & Opcodes.ACC_STATIC) == 0) {
                        throw Inliner.refused(m.name + ": no field " + b.field);
                    }
                    expected = Type.getType(field);
                    break;
                case Binding.ENTER:
                    expected = enter == null ? Type.VOID_TYPE : enter.returnType;
                    break;
                case Binding.RETURN:
                    expected = returned;
                    break;
                default:
                    expected = Type.getObjectType(THROWABLE);
                    break;
            }
            boolean widened = !b.writable && b.type.getDescriptor().equals("Ljava/lang/Object;")
                    && (expected.getSort() == Type.OBJECT || expected.getSort() == Type.ARRAY);
            if (!b.type.equals(expected) && !widened) {
                throw Inliner.refused(m.name + ": a parameter of type " + b.type.getClassName() + " bound to "
                        + expected.getClassName());
            }
        }
    }
}
