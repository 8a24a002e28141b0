package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything outside the JDK that an advice class uses, read from its bytecode: the fields it binds with
 * {@code @Advice.FieldValue} (name and type) and the library methods it invokes. The shape check looks each one up
 * in the target before weaving, so a patch never needs a hand-kept list of what its advice touches.
 */
final class AdviceReferences {
    /** field name -> type descriptor */
    final Map<String, String> fields = new LinkedHashMap<String, String>();
    /** owner (internal name), name and descriptor of each library method invoked */
    final List<String[]> methods = new ArrayList<String[]>();

    private AdviceReferences() {
    }

    static AdviceReferences of(byte[] advice) {
        final AdviceReferences refs = new AdviceReferences();
        // the fields: as the inliner binds them, so that the check and the weave read the annotations one way
        for (AdviceMethod method : AdviceMethod.read(advice)) {
            for (int i = 0; method != null && i < method.parameters.length; i++) {
                Binding b = method.parameters[i];
                if (b.kind == Binding.FIELD) {
                    refs.fields.put(b.field, b.type.getDescriptor());
                }
            }
        }
        final String[] self = new String[1];
        new ClassReader(advice).accept(new ClassVisitor(Inliner.API) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                self[0] = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Inliner.API) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                        if (!owner.startsWith("java/") && !owner.equals(self[0])) {
                            refs.methods.add(new String[] {owner, name, desc});
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return refs;
    }

    /** @throws ShapeMismatch naming the first member that is missing or has another type */
    void check(ClassInfo target, ClassSource source) throws ShapeMismatch, IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String actual = target.fields.get(field.getKey());
            if (actual == null) {
                throw new ShapeMismatch("no field " + field.getKey());
            }
            if (!actual.equals(field.getValue())) {
                throw new ShapeMismatch("field " + field.getKey() + " is " + Type.getType(actual).getClassName()
                        + ", expected " + Type.getType(field.getValue()).getClassName());
            }
        }
        Map<String, ClassInfo> seen = new HashMap<String, ClassInfo>();
        seen.put(target.name, target);
        for (String[] method : methods) {
            if (describe(method[0], source, seen) == null) {
                throw new ShapeMismatch("class " + method[0].replace('/', '.') + " is missing");
            }
            if (!declares(method[0], method[1], method[2], source, seen)) {
                throw new ShapeMismatch("no method " + method[0].replace('/', '.') + "#" + method[1] + method[2]);
            }
        }
    }

    /** Whether the type, a superclass or a superinterface declares the method; types not found declare nothing. */
    private static boolean declares(String type, String name, String descriptor, ClassSource source,
                                    Map<String, ClassInfo> seen) throws IOException {
        ClassInfo info = describe(type, source, seen);
        if (info == null) {
            return false;
        }
        for (String[] m : info.methods) {
            if (m[0].equals(name) && m[1].equals(descriptor)) {
                return true;
            }
        }
        if (info.superName != null && declares(info.superName, name, descriptor, source, seen)) {
            return true;
        }
        for (String itf : info.interfaces) {
            if (declares(itf, name, descriptor, source, seen)) {
                return true;
            }
        }
        return false;
    }

    private static ClassInfo describe(String type, ClassSource source, Map<String, ClassInfo> seen)
            throws IOException {
        if (!seen.containsKey(type)) {
            byte[] classfile = source.find(type);
            seen.put(type, classfile == null ? null : ClassInfo.of(classfile));
        }
        return seen.get(type);
    }
}
