package dev.wssubprotocol.it.bench;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The floor every agent pays: a jar whose premain (and agentmain, for the attach benchmark) registers a transformer
 * that returns null. Built at run time with --release 8 like the agent.
 */
final class EmptyAgent {
    private EmptyAgent() {
    }

    static Path jar(Path work) throws IOException {
        Path src = work.resolve("src/bench/EmptyAgent.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package bench;
                public class EmptyAgent {
                    public static void premain(String args, java.lang.instrument.Instrumentation inst) {
                        inst.addTransformer(new java.lang.instrument.ClassFileTransformer() {
                            @Override
                            public byte[] transform(ClassLoader l, String n, Class<?> c,
                                    java.security.ProtectionDomain d, byte[] b) {
                                return null;
                            }
                        });
                    }

                    public static void agentmain(String args, java.lang.instrument.Instrumentation inst) {
                        premain(args, inst);
                    }
                }""");
        Path classes = work.resolve("classes");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "8", "-nowarn", "-d",
                classes.toString(), src.toString()) != 0) {
            throw new IllegalStateException("empty agent does not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "bench.EmptyAgent");
        manifest.getMainAttributes().putValue("Agent-Class", "bench.EmptyAgent");
        Path jar = work.resolve("empty-agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String name : new String[] {"bench/EmptyAgent.class", "bench/EmptyAgent$1.class"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
