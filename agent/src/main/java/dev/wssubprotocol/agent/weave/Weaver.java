package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.patch.Patch;
import org.objectweb.asm.ClassReader;
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
     * @throws WeaveRejected when the woven method would not pass the JVM's verifier
     */
    public static byte[] weave(Patch patch, String prefix, ClassLoader loader, byte[] classfile,
                               ClassLoader agentLoader) throws ShapeMismatch, WeaveRejected, IOException {
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
     */
    public static String checkShape(Patch patch, String prefix, ClassInfo type, byte[] advice, ClassSource source)
            throws ShapeMismatch, IOException {
        String descriptor = targetMethod(patch, prefix, type);
        AdviceReferences.of(advice).check(type, source);
        return descriptor;
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
