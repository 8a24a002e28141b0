package dev.wssubprotocol.it.support;

import dev.wssubprotocol.it.driver.Driver;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A driver compiled against one package layout, moved onto another: every type reference that starts with one of
 * the given internal-name prefixes is rewritten, as a shading plugin does to the library itself. The driver class
 * and its nested classes keep their names and are written to a directory of their own, which goes before
 * {@link Fork#DRIVERS} on the class path so the moved copies are the ones loaded.
 * <p>
 * Used for relocated Netty copies ({@code io/netty/} to {@code io/grpc/netty/shaded/io/netty/}) so that one
 * hand-written driver serves the library and every shaded copy of it.
 */
public final class Relocation {
    /** Beside the drivers' own class files: target/relocated-drivers. */
    private static final Path ROOT = Fork.DRIVERS.toAbsolutePath().normalize().resolveSibling("relocated-drivers");

    /** The directories written by this run (the drivers' class files may change between runs, never within one). */
    private static final Set<Path> done = new HashSet<>();

    private Relocation() {
    }

    /**
     * @param moves prefix to replacement, in internal form, the first matching prefix wins
     *              (e.g. "io/netty/" to "io/grpc/netty/shaded/io/netty/")
     * @return the directory to put before {@link Fork#DRIVERS} on the class path
     */
    public static synchronized Path driver(Class<? extends Driver> driver, Map<String, String> moves) {
        Map<String, String> ordered = new LinkedHashMap<>(moves);
        Path dir = ROOT.resolve(driver.getSimpleName() + "-" + Integer.toHexString(ordered.toString().hashCode()));
        if (done.contains(dir)) {
            // written once per run: a forked JVM of a test running concurrently may be reading these class files
            return dir;
        }
        String simple = driver.getSimpleName();
        Path source = Fork.DRIVERS.resolve(driver.getPackageName().replace('.', '/'));
        Path target = dir.resolve(driver.getPackageName().replace('.', '/'));
        Remapper remapper = new Remapper() {
            @Override
            public String map(String internalName) {
                for (Map.Entry<String, String> move : ordered.entrySet()) {
                    if (internalName.startsWith(move.getKey())) {
                        return move.getValue() + internalName.substring(move.getKey().length());
                    }
                }
                return internalName;
            }
        };
        try {
            Files.createDirectories(target);
            int written = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(source, simple + "{,$*}.class")) {
                for (Path file : files) {
                    ClassWriter writer = new ClassWriter(0);
                    new ClassReader(Files.readAllBytes(file)).accept(new ClassRemapper(writer, remapper), 0);
                    Files.write(target.resolve(file.getFileName()), writer.toByteArray());
                    written++;
                }
            }
            if (written == 0) {
                throw new IllegalStateException("no class files of " + driver.getName() + " in " + source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        done.add(dir);
        return dir;
    }

    /** {@link #driver(Class, Map)} for a whole library root moved under a prefix. */
    public static Path driver(Class<? extends Driver> driver, String root, String prefix) {
        return driver(driver, Map.of(root, prefix + root));
    }
}
