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
 * The JDKs the forked JVMs run on: the one running the build, every JDK installed under /usr/lib/jvm, those that
 * integration-tests/jdks/install.sh unpacked into its cache ($WS_IT_JDKS_DIR, default
 * ~/.cache/ws-subprotocol-agent/jdks/&lt;major&gt;), and any listed in -Dws.it.jdks=home1,home2; one per major version.
 * -Dws.it.majors=8,17 keeps only those majors (a developer's shortcut). Under CI (CI=true) all of 8, 11, 17, 21 and
 * 25 must be found, so a machine without one of them fails, naming it, instead of silently testing less.
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

    /** The majors CI must have. */
    public static final List<Integer> REQUIRED = List.of(8, 11, 17, 21, 25);
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
        String cache = System.getenv("WS_IT_JDKS_DIR");
        Path cached = cache != null && !cache.isEmpty() ? Paths.get(cache)
                : Paths.get(System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"),
                        "ws-subprotocol-agent", "jdks");
        for (int major : REQUIRED) {
            candidates.add(cached.resolve(Integer.toString(major)));
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
        if ("true".equals(System.getenv("CI"))) {
            List<Integer> missing = new ArrayList<>(REQUIRED);
            missing.removeAll(byMajor.keySet());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CI needs JDK " + missing + " for the forked JVMs (run "
                        + "integration-tests/jdks/install.sh); found " + byMajor.values());
            }
        }
        String only = System.getProperty("ws.it.majors", "");
        if (!only.isBlank()) {
            List<String> keep = List.of(only.split(","));
            byMajor.keySet().removeIf(m -> !keep.contains(Integer.toString(m)));
        }
        return List.copyOf(byMajor.values());
    }

    private static Integer major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            // Debian's OpenJDK 8 has no release file: its jre/lib/rt.jar says what it is
            return Files.isRegularFile(home.resolve("jre/lib/rt.jar")) ? Integer.valueOf(8) : null;
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
