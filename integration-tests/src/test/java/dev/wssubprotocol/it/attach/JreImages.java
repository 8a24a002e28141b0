package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runtimes made with jlink from a JDK's jmods, without jdk.attach: what a JRE-only image ships. Made once per build. */
final class JreImages {
    private JreImages() {
    }

    /** A Java 16+ runtime without jdk.attach, from the JDK that runs the build (17 or later here). */
    static synchronized Path withoutAttach() {
        Path home = Paths.get(System.getProperty("java.home"));
        assumeTrue(Runtime.version().feature() >= 16 && Files.isDirectory(home.resolve("jmods")),
                "needs the build's JDK to be 16+ with jmods to jlink a runtime");
        return link(home, Paths.get("target/jre-" + Runtime.version().feature() + "-without-jdk.attach"));
    }

    static synchronized Path withoutAttach(int major) {
        Jdks.Jdk jdk = Jdks.all().stream().filter(j -> j.major() == major && Files.isDirectory(j.home().resolve("jmods")))
                .findFirst().orElse(null);
        assumeTrue(jdk != null, "needs a JDK " + major + " with jmods to jlink a runtime");
        return link(jdk.home(), Paths.get("target/jre-" + major + "-without-jdk.attach"));
    }

    private static Path link(Path jdk, Path relative) {
        Path image = relative.toAbsolutePath();
        if (!Files.isExecutable(image.resolve("bin/java"))) {
            Fork.Result jlink = Fork.exec(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules",
                    "java.base,java.instrument,java.management", "--output", image.toString()));
            assertEquals(0, jlink.exitCode(), jlink.describe());
        }
        Fork.Result modules = Fork.exec(List.of(image.resolve("bin/java").toString(), "--list-modules"));
        assertEquals(3, modules.stdout().size(), "java.base, java.instrument, java.management: " + modules.describe());
        return image;
    }
}
