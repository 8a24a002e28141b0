package dev.wssubprotocol.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JDKs the forked JVMs run on: the one running the build, every JDK installed under /usr/lib/jvm, and any
 * listed in -Dws.it.jdks=home1,home2; one per major version. Under CI (CI=true) JDK 17 and 25 must both be found,
 * so a machine without one of them fails instead of silently testing less.
 */
public final class Jdks {
    public record Jdk(int major, Path home) {
        public Path java() {
            return home.resolve("bin/java");
        }

        @Override
        public String toString() {
            return "JDK " + major;
        }
    }

    private static final List<Jdk> ALL = discover();

    private Jdks() {
    }

    public static List<Jdk> all() {
        return ALL;
    }

    private static List<Jdk> discover() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Paths.get(System.getProperty("java.home")));
        String extra = System.getProperty("ws.it.jdks", "");
        for (String home : extra.split(",")) {
            if (!home.isBlank()) {
                candidates.add(Paths.get(home.trim()));
            }
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<Integer, Jdk> byMajor = new TreeMap<>();
        for (Path home : candidates) {
            Integer major = major(home);
            if (major != null && Files.isExecutable(home.resolve("bin/java"))) {
                byMajor.putIfAbsent(major, new Jdk(major, home));
            }
        }
        if ("true".equals(System.getenv("CI")) && !(byMajor.containsKey(17) && byMajor.containsKey(25))) {
            throw new IllegalStateException("CI needs JDK 17 and JDK 25 for the forked JVMs; found " + byMajor.values());
        }
        return List.copyOf(byMajor.values());
    }

    private static Integer major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        String digits = version.split("[^0-9]")[0];
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }
}
