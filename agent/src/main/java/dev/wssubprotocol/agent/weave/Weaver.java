package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.patch.Patch;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Weaves one patch's advice into one class. Loaded only when a target class appears. */
public final class Weaver {
    private Weaver() {
    }

    /**
     * @param prefix      "" for the library's own class, else the relocation prefix in internal form ("a/b/")
     * @param loader      the target's class loader: the shape check reads the classes the advice uses from it
     * @param agentLoader the loader that holds the advice class files (read as bytes, never loaded)
     * @return the woven class file, checked by {@link Verification}
     * @throws ShapeMismatch when the class is not the shape the advice was written for
     * @throws NotStrict when this version of the library does not have the check the patch works around
     * @throws WeaveRejected when the woven method would not pass the JVM's verifier
     */
    public static byte[] weave(Patch patch, String prefix, ClassLoader loader, byte[] classfile,
                               ClassLoader agentLoader) throws ShapeMismatch, NotStrict, WeaveRejected, IOException {
        byte[] advice = advice(patch, prefix, agentLoader);
        ClassInfo type = ClassInfo.of(classfile);
        String descriptor = checkShape(patch, prefix, type, advice, ClassSource.of(loader));
        byte[] woven = Inliner.inline(classfile, type, patch.method(), descriptor, advice);
        Verification.check(woven, patch.method(), descriptor);
        return woven;
    }

    /**
     * The advice's class file as the patch applies it to this class: moved to a relocated copy's packages when
     * {@code prefix} is not "".
     *
     * @param agentLoader the loader that holds the advice class files (read as bytes, never loaded)
     */
    public static byte[] advice(Patch patch, String prefix, ClassLoader agentLoader) throws IOException {
        ClassLoader source = agentLoader != null ? agentLoader : ClassLoader.getSystemClassLoader();
        String resource = patch.adviceClass().replace('.', '/') + ".class";
        byte[] advice = ClassSource.read(source.getResourceAsStream(resource));
        if (advice == null) {
            throw new IOException("advice class " + patch.adviceClass() + " is missing from the agent jar");
        }
        return relocate(advice, patch.relocatableRoot(), prefix);
    }

    /**
     * The shape check that {@link #weave} runs before it changes anything, on its own so that the {@code scan}
     * command runs the very same check on class files it finds in archives: the exact method, then every field
     * and library method the advice uses, looked up in {@code source}.
     *
     * @param advice the advice's class file from {@link #advice}
     * @return the descriptor of the method the advice goes into
     * @throws ShapeMismatch naming the first difference
     * @throws NotStrict when the shape is right but the method has no strict check ({@link StrictCheck})
     */
    public static String checkShape(Patch patch, String prefix, ClassInfo type, byte[] advice, ClassSource source)
            throws ShapeMismatch, NotStrict, IOException {
        String descriptor = targetMethod(patch, prefix, type);
        // before the advice's other references: a version without the check may well lack them, and needs nothing
        String field = strictField(advice);
        if (field != null && type.fields.containsKey(field) && !type.reads(patch.method(), descriptor, field)) {
            throw new NotStrict(patch.method() + " never compares the response's subprotocol with the offered ones"
                    + " (it does not read " + field + "): this version accepts a response without"
                    + " Sec-WebSocket-Protocol");
        }
        AdviceReferences.of(advice).check(type, source);
        return descriptor;
    }

    /** The advice class's {@link StrictCheck} field, or null. */
    static String strictField(byte[] advice) {
        final String annotation = Type.getDescriptor(StrictCheck.class);
        final String[] field = new String[1];
        new ClassReader(advice).accept(new ClassVisitor(Inliner.API) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (!descriptor.equals(annotation)) {
                    return null;
                }
                return new AnnotationVisitor(Inliner.API) {
                    @Override
                    public void visit(String name, Object value) {
                        field[0] = (String) value;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return field[0];
    }

    private static String targetMethod(Patch patch, String prefix, ClassInfo type) throws ShapeMismatch {
        List<String> wanted = new ArrayList<String>();
        for (String parameter : patch.parameterTypes()) {
            wanted.add(relocateName(parameter, patch.relocatableRoot(), prefix));
        }
        for (int i = 0; i < type.methods.size(); i++) {
            String[] candidate = type.methods.get(i);
            if (!candidate[0].equals(patch.method()) || (type.methodAccess.get(i) & Opcodes.ACC_ABSTRACT) != 0) {
                continue;
            }
            List<String> actual = new ArrayList<String>();
            for (Type parameter : Type.getArgumentTypes(candidate[1])) {
                actual.add(parameter.getClassName());
            }
            if (actual.equals(wanted)) {
                return candidate[1];
            }
        }
        throw new ShapeMismatch("no method " + patch.method() + wanted.toString().replace('[', '(').replace(']', ')'));
    }

    /** The advice as written for the library's own packages, moved to a relocated copy's packages. */
    static byte[] relocate(byte[] advice, final String root, final String prefix) {
        if (root == null || prefix.isEmpty()) {
            return advice;
        }
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(advice).accept(new ClassRemapper(writer, new Remapper(Inliner.API) {
            @Override
            public String map(String internalName) {
                return internalName.startsWith(root) ? prefix + internalName : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }

    private static String relocateName(String binaryName, String root, String prefix) {
        if (root == null || prefix.isEmpty() || !binaryName.replace('.', '/').startsWith(root)) {
            return binaryName;
        }
        return prefix.replace('/', '.') + binaryName;
    }
}
