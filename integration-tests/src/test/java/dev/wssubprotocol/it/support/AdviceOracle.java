package dev.wssubprotocol.it.support;

import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.Weaver;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Byte Buddy's {@code Advice} as the oracle for the agent's inliner on a real target (used by AdviceOracleLibrariesIT
 * and by the library test classes that hold their own oracle cases, e.g. PahoIT and GrizzlyIT): the version's target
 * class is woven once by Byte Buddy and once by the agent's inliner from the same advice class, and the same cases run
 * in-process against the plain class and both weaves, each in a class loader of its own (parent: none; the advice
 * finds the agent's Hook through the system loader). The woven outcomes must be the same. While the cases run, the
 * agent's status in this JVM says "active" with empty=absent, so the empty-value case goes through the advice too.
 */
public final class AdviceOracle {
    public static final String[] CASES = {"no header", "selected", "not offered", "two values", "empty value",
            "none offered", "wrong accept key"};
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The agent's status says "active" with empty=absent, as after a start, so that the advice's Hook answers. */
    private static void activate() throws Exception {
        status("started", new Class<?>[] {String.class, String.class, boolean.class, boolean.class}, "oracle",
                "empty=absent", false, true);
    }

    private static void deactivate() throws Exception {
        status("detached", new Class<?>[0]);
    }

    private static void status(String method, Class<?>[] types, Object... args) throws Exception {
        Method m = Class.forName("dev.wssubprotocol.agent.Status").getDeclaredMethod(method, types);
        m.setAccessible(true);
        m.invoke(null, args);
    }

    /** One handshake case against the library loaded by the given loader; returns what a user would see. */
    public interface Case {
        String run(ClassLoader library, String c) throws Exception;
    }

    /** The three weaves of one version's target and the outcomes of every case on each. */
    public static Map<String, Map<String, String>> oracle(String patchId, List<Path> jars, String[] cases, Case run)
            throws Exception {
        return oracle(Patches.get(patchId), jars, cases, run);
    }

    public static Map<String, Map<String, String>> oracle(Patch patch, List<Path> jars, String[] cases, Case run)
            throws Exception {
        activate();
        try {
            return weaveAndRun(patch, jars, cases, run);
        } finally {
            deactivate();
        }
    }

    private static Map<String, Map<String, String>> weaveAndRun(Patch patch, List<Path> jars, String[] cases, Case run)
            throws Exception {
        String patchId = patch.id();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        byte[] original;
        byte[] inlined;
        byte[] byteBuddy;
        try (URLClassLoader library = new URLClassLoader(urls, null);
             InputStream in = library.getResourceAsStream(patch.typeName().replace('.', '/') + ".class")) {
            original = in.readAllBytes();
            inlined = Weaver.weave(patch, "", library, original, AdviceOracle.class.getClassLoader());
            byteBuddy = byteBuddy(patch, original, library);
        }
        int major = ((original[6] & 0xff) << 8) | (original[7] & 0xff);
        if (major == 50) { // link at 51, so that the type-checking verifier runs (50 falls back to the old one)
            original = major51(original);
            inlined = major51(inlined);
            byteBuddy = major51(byteBuddy);
        }
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> weave : Map.of("plain", original, "inliner", inlined, "byte buddy", byteBuddy)
                .entrySet()) {
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (String c : cases) {
                try (Library library = new Library(urls, patch.typeName(), weave.getValue())) {
                    outcomes.put(c, run.run(library, c));
                }
            }
            all.put(weave.getKey(), outcomes);
        }
        for (String c : cases) {
            System.out.println(jars.get(0).getFileName() + " | " + c + " | plain: " + all.get("plain").get(c)
                    + " | woven: " + all.get("inliner").get(c));
        }
        assertEquals(all.get("byte buddy"), all.get("inliner"), patchId + " " + jars.get(0).getFileName());
        return all;
    }

    private static byte[] major51(byte[] classfile) {
        byte[] raised = classfile.clone();
        assertEquals(50, raised[7], "class-file version");
        raised[7] = 51;
        return raised;
    }

    private static byte[] byteBuddy(Patch patch, byte[] classfile, ClassLoader library) {
        String type = patch.typeName();
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(type, classfile),
                ClassFileLocator.ForClassLoader.of(library), ClassFileLocator.ForClassLoader.ofSystemLoader());
        TypePool pool = TypePool.Default.of(locator);
        return new ByteBuddy()
                .redefine(pool.describe(type).resolve(), locator)
                .visit(Advice.to(pool.describe(patch.adviceClass()).resolve(), locator).on(ElementMatchers
                        .named(patch.method()).and(ElementMatchers.takesArguments(patch.parameterTypes().size()))))
                .make()
                .getBytes();
    }

    public static String accept(String key) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                (key + GUID).getBytes(StandardCharsets.US_ASCII)));
    }

    /** The Sec-WebSocket-Protocol value the server sends in this case, or null for none. */
    public static String protocolHeader(String c) {
        switch (c) {
            case "selected": return "superchat";
            case "not offered": return "other";
            case "two values": return "chat, superchat";
            case "empty value": return "";
            default: return null;
        }
    }

    public static String thrown(InvocationTargetException e) {
        return ("threw " + e.getCause()).replaceAll("(?i)(expected:?) [A-Za-z0-9+/=]+$", "$1 (key)");
    }

    private AdviceOracle() {
    }

    /** The version's jars, with the target class as given. */
    static final class Library extends URLClassLoader {
        private final String target;
        private final byte[] classfile;

        Library(URL[] urls, String target, byte[] classfile) {
            super(urls, null);
            this.target = target;
            this.classfile = classfile;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals(target)) {
                // with the jar's code source and signers, as the original (Paho's jars are signed: a class without
                // them in a signed package is refused)
                java.security.CodeSource source = null;
                URL resource = findResource(name.replace('.', '/') + ".class");
                try {
                    java.net.JarURLConnection jar = (java.net.JarURLConnection) resource.openConnection();
                    jar.setUseCaches(false);
                    try (java.util.jar.JarFile file = jar.getJarFile()) {
                        java.util.jar.JarEntry entry = file.getJarEntry(jar.getEntryName());
                        try (InputStream in = file.getInputStream(entry)) {
                            in.readAllBytes(); // the signers are known once the entry is read
                        }
                        source = new java.security.CodeSource(jar.getJarFileURL(), entry.getCodeSigners());
                    }
                } catch (java.io.IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
                return defineClass(name, classfile, 0, classfile.length,
                        new java.security.ProtectionDomain(source, null, this, null));
            }
            return super.findClass(name);
        }
    }
}
