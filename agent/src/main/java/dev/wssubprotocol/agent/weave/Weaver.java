package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.patch.Patch;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Weaves one patch's advice into one class with Byte Buddy. Loaded only when a target class appears. */
public final class Weaver {
    private Weaver() {
    }

    /**
     * @param prefix      "" for the library's own class, else the relocation prefix in internal form ("a/b/")
     * @param agentLoader the loader that holds the advice class files (read as bytes, never loaded)
     * @return the woven class file
     * @throws ShapeMismatch when the class is not the shape the advice was written for
     */
    public static byte[] weave(Patch patch, String prefix, ClassLoader loader, String typeName, byte[] classfile,
                               ClassLoader agentLoader) throws ShapeMismatch, IOException {
        String adviceName = patch.adviceClass();
        byte[] advice = advice(patch, prefix, agentLoader);
        ClassFileLocator locator = new Locator(typeName, classfile, adviceName, advice, loader == null
                ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(typeName).resolve();
        MethodDescription method = checkShape(patch, prefix, type, advice, pool);
        return new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .decorate(type, locator)
                .visit(Advice.to(pool.describe(adviceName).resolve(), locator).on(ElementMatchers.is(method)))
                .make(pool)
                .getBytes();
    }

    /**
     * The advice's class file as the patch applies it to this class: moved to a relocated copy's packages when
     * {@code prefix} is not "".
     *
     * @param agentLoader the loader that holds the advice class files (read as bytes, never loaded)
     */
    public static byte[] advice(Patch patch, String prefix, ClassLoader agentLoader) throws IOException {
        return relocate(read(agentLoader, patch.adviceClass()), patch.relocatableRoot(), prefix);
    }

    /**
     * The shape check that {@link #weave} runs before it changes anything, on its own so that the {@code scan}
     * command runs the very same check on class files it finds in archives: the exact method, then every field
     * and library method the advice uses, looked up in {@code pool}.
     *
     * @param advice the advice's class file from {@link #advice}
     * @return the method the advice goes into
     * @throws ShapeMismatch naming the first difference
     */
    public static MethodDescription checkShape(Patch patch, String prefix, TypeDescription type, byte[] advice,
                                               TypePool pool) throws ShapeMismatch {
        MethodDescription method = targetMethod(patch, prefix, type);
        AdviceReferences.of(advice).check(type, pool);
        return method;
    }

    private static MethodDescription targetMethod(Patch patch, String prefix, TypeDescription type)
            throws ShapeMismatch {
        List<String> wanted = new ArrayList<String>();
        for (String parameter : patch.parameterTypes()) {
            wanted.add(relocateName(parameter, patch.relocatableRoot(), prefix));
        }
        for (MethodDescription.InDefinedShape candidate : type.getDeclaredMethods()) {
            if (!candidate.getName().equals(patch.method()) || candidate.isAbstract()) {
                continue;
            }
            List<String> actual = new ArrayList<String>();
            for (TypeDescription parameter : candidate.getParameters().asTypeList().asErasures()) {
                actual.add(parameter.getName());
            }
            if (actual.equals(wanted)) {
                return candidate;
            }
        }
        throw new ShapeMismatch("no method " + patch.method() + wanted.toString().replace('[', '(').replace(']', ')'));
    }

    private static byte[] read(ClassLoader agentLoader, String className) throws IOException {
        ClassLoader source = agentLoader != null ? agentLoader : ClassLoader.getSystemClassLoader();
        InputStream in = source.getResourceAsStream(className.replace('.', '/') + ".class");
        if (in == null) {
            throw new IOException("advice class " + className + " is missing from the agent jar");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    /** The advice as written for the library's own packages, moved to a relocated copy's packages. */
    static byte[] relocate(byte[] advice, final String root, final String prefix) {
        if (root == null || prefix.isEmpty()) {
            return advice;
        }
        ClassReader reader = OpenedClassReader.of(advice);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, new Remapper(OpenedClassReader.ASM_API) {
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

    /** The target class's own bytes, the advice's bytes, and everything else from the target's class loader. */
    private static final class Locator implements ClassFileLocator {
        private final String typeName;
        private final byte[] classfile;
        private final String adviceName;
        private final byte[] advice;
        private final ClassFileLocator loader;

        Locator(String typeName, byte[] classfile, String adviceName, byte[] advice, ClassFileLocator loader) {
            this.typeName = typeName;
            this.classfile = classfile;
            this.adviceName = adviceName;
            this.advice = advice;
            this.loader = loader;
        }

        @Override
        public Resolution locate(String name) throws IOException {
            if (name.equals(typeName)) {
                return new Resolution.Explicit(classfile);
            }
            if (name.equals(adviceName)) {
                return new Resolution.Explicit(advice);
            }
            return loader.locate(name);
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }

    /** Finds a field or method in a type and its supertypes; null when it is not there. */
    static MethodDescription findMethod(TypeDefinition type, String name, String descriptor) {
        for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
            for (MethodDescription m : current.getDeclaredMethods()) {
                if (m.getInternalName().equals(name) && m.getDescriptor().equals(descriptor)) {
                    return m;
                }
            }
            for (TypeDescription.Generic itf : current.getInterfaces()) {
                MethodDescription found = findMethod(itf, name, descriptor);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static FieldDescription findField(TypeDescription type, String name) {
        for (FieldDescription f : type.getDeclaredFields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
