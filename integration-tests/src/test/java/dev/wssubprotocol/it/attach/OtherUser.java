package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a JVM of user "nobody" needs to run here: a JDK and a class path that nobody can read. The test JDKs that
 * install.sh unpacked live under root's 0700 home, with their ELF files pointed at a loader beside them (patchelf);
 * a copy under /var/tmp, its loader and library paths pointed at the copy, serves nobody. Made once and kept.
 */
final class OtherUser {
    static final Path SHARED = Paths.get("/var/tmp/ws-subprotocol-agent-it");

    private OtherUser() {
    }

    static List<String> setpriv() {
        String uid = Fork.exec(List.of("id", "-u", "nobody")).stdout().get(0);
        String gid = Fork.exec(List.of("id", "-g", "nobody")).stdout().get(0);
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    /** The JDK's home, or a copy of it that every user can run. */
    static synchronized Jdks.Jdk readable(Jdks.Jdk jdk) throws IOException {
        Path home = jdk.home().toRealPath();
        if (readableByAll(home.resolve("bin/java"))) {
            return jdk;
        }
        // .../jdks/openjdk-8/usr/lib/jvm/java-8-openjdk-amd64: the extraction root holds the loader and libc too
        Path root = home;
        while (root != null && !root.getFileName().toString().startsWith("openjdk-")) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("cannot tell where " + home + " was unpacked");
        }
        Path copy = SHARED.resolve(root.getFileName());
        Path copiedHome = copy.resolve(root.relativize(home));
        if (!Files.exists(copy.resolve(".done"))) {
            Files.createDirectories(SHARED);
            Files.setPosixFilePermissions(SHARED, PosixFilePermissions.fromString("rwxr-xr-x"));
            run(List.of("rm", "-rf", copy.toString()));
            run(List.of("cp", "-a", root.toString(), copy.toString()));
            run(List.of("chmod", "-R", "a+rX", copy.toString()));
            Path patchelf = root.getParent().resolve(".patchelf/usr/bin/patchelf");
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).filter(OtherUser::isElf)::iterator) {
                    Fork.Result interpreter = Fork.exec(List.of(patchelf.toString(), "--print-interpreter", file.toString()));
                    if (interpreter.exitCode() == 0 && interpreter.stdout().get(0).startsWith(root.toString())) {
                        run(List.of(patchelf.toString(), "--set-interpreter",
                                interpreter.stdout().get(0).replace(root.toString(), copy.toString()), file.toString()));
                    }
                    Fork.Result rpath = Fork.exec(List.of(patchelf.toString(), "--print-rpath", file.toString()));
                    if (rpath.exitCode() == 0 && !rpath.stdout().isEmpty() && rpath.stdout().get(0).contains(root.toString())) {
                        run(List.of(patchelf.toString(), "--set-rpath",
                                rpath.stdout().get(0).replace(root.toString(), copy.toString()), file.toString()));
                    }
                }
            }
            Files.createFile(copy.resolve(".done"));
        }
        return new Jdks.Jdk(jdk.major(), copiedHome);
    }

    /** Copies of the given class path entries in a folder of their own that every user can read. */
    static List<Path> readableClasspath(String name, List<Path> classpath) throws IOException {
        Path dir = SHARED.resolve(name);
        run(List.of("rm", "-rf", dir.toString()));
        Files.createDirectories(dir);
        List<Path> copies = new ArrayList<>();
        int i = 0;
        for (Path entry : classpath) {
            Path copy = dir.resolve(i++ + "-" + entry.getFileName());
            run(List.of("cp", "-a", entry.toString(), copy.toString()));
            copies.add(copy);
        }
        run(List.of("chmod", "-R", "a+rX", SHARED.toString()));
        return copies;
    }

    private static boolean readableByAll(Path file) {
        for (Path p = file; p != null; p = p.getParent()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                if (!permissions.contains(Files.isDirectory(p) ? PosixFilePermission.OTHERS_EXECUTE
                        : PosixFilePermission.OTHERS_READ)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        Fork.Result result = Fork.exec(command);
        assertEquals(0, result.exitCode(), result.describe());
    }
}
