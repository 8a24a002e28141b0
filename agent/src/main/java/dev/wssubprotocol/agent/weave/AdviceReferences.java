package dev.wssubprotocol.agent.weave;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything outside the JDK that an advice class uses, read from its bytecode: the fields it binds with
 * {@code @Advice.FieldValue} (name and type) and the library methods it invokes. The shape check looks each one up
 * in the target before weaving, so a patch never needs a hand-kept list of what its advice touches.
 */
final class AdviceReferences {
    private static final String FIELD_VALUE = Type.getDescriptor(Advice.FieldValue.class);

    /** field name -> type descriptor */
    final Map<String, String> fields = new LinkedHashMap<String, String>();
    /** owner (internal name), name and descriptor of each library method invoked */
    final List<String[]> methods = new ArrayList<String[]>();

    private AdviceReferences() {
    }

    static AdviceReferences of(byte[] advice) {
        final AdviceReferences refs = new AdviceReferences();
        final String[] self = new String[1];
        OpenedClassReader.of(advice).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                self[0] = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, final String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public AnnotationVisitor visitParameterAnnotation(final int parameter, String annotation,
                                                                      boolean visible) {
                        if (!annotation.equals(FIELD_VALUE)) {
                            return null;
                        }
                        return new AnnotationVisitor(OpenedClassReader.ASM_API) {
                            @Override
                            public void visit(String key, Object value) {
                                if ("value".equals(key)) {
                                    refs.fields.put((String) value,
                                            Type.getArgumentTypes(descriptor)[parameter].getDescriptor());
                                }
                            }
                        };
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                        if (!owner.startsWith("java/") && !owner.equals(self[0])) {
                            refs.methods.add(new String[] {owner, name, desc});
                        }
                    }
                };
            }
        }, 0);
        return refs;
    }

    /** @throws ShapeMismatch naming the first member that is missing or has another type */
    void check(TypeDescription target, TypePool pool) throws ShapeMismatch {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            FieldDescription found = Weaver.findField(target, field.getKey());
            if (found == null) {
                throw new ShapeMismatch("no field " + field.getKey());
            }
            String actual = found.getType().asErasure().getDescriptor();
            if (!actual.equals(field.getValue())) {
                throw new ShapeMismatch("field " + field.getKey() + " is " + Type.getType(actual).getClassName()
                        + ", expected " + Type.getType(field.getValue()).getClassName());
            }
        }
        for (String[] method : methods) {
            String owner = method[0].replace('/', '.');
            TypePool.Resolution resolution = pool.describe(owner);
            if (!resolution.isResolved()) {
                throw new ShapeMismatch("class " + owner + " is missing");
            }
            if (Weaver.findMethod(resolution.resolve(), method[1], method[2]) == null) {
                throw new ShapeMismatch("no method " + owner + "#" + method[1] + method[2]);
            }
        }
    }
}
