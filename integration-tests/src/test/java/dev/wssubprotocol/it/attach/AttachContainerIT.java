package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.driver.AttachTarget;
import dev.wssubprotocol.it.driver.IdleTarget;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A "container" made of Linux namespaces, as in production: the target JVM is PID 1 of its own PID namespace, in its
 * own mount namespace with a private tmpfs on /tmp (unshare --pid --mount --fork --mount-proc). The command attaches
 * from the host by the host pid (socket reached through /proc/&lt;pid&gt;/root, the agent jar copied into the
 * container's /tmp), and from inside the container on a jlink'ed runtime without jdk.attach, as
 * {@code kubectl exec <pod> -- java -jar ws-subprotocol-agent.jar attach 1} would. Each ends in a rescued handshake
 * read back with status.
 */
class AttachContainerIT {
    static final List<String> CONTAINER = container();

    /**
     * A "container": PID 1 of its own PID and mount namespaces, with a private tmpfs on /tmp. When this build lives
     * under /tmp (a clone there), its folder is bound back into the container's /tmp, so that the class path, the
     * jar and the jlink'ed runtime the tests name are still there, as an image would hold them.
     */
    private static List<String> container() {
        Path here = Paths.get("").toAbsolutePath().normalize();
        String before = "";
        String after = "";
        if (here.startsWith("/tmp") && here.getNameCount() > 1) {
            String build = "/" + here.subpath(0, 2);
            before = "mkdir -p /run/ws-it-build && mount --bind " + build + " /run/ws-it-build && ";
            after = " && mkdir -p " + build + " && mount --bind /run/ws-it-build " + build;
        }
        return List.of("unshare", "--pid", "--mount", "--fork", "--mount-proc",
                "sh", "-c", before + "mount -t tmpfs -o mode=1777 tmpfs /tmp" + after + " && exec \"$@\"", "sh");
    }

    static Optional<Jdks.Jdk> jdk(int major) {
        return AttachAcrossJdksIT.jdk(major);
    }

    static void assumeNamespaces() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for unshare --pid --mount");
        assumeTrue(Files.isExecutable(Paths.get("/usr/bin/unshare")) && Files.isExecutable(Paths.get("/usr/bin/nsenter")),
                "needs util-linux's unshare and nsenter");
    }

    static TargetJvm inContainer(Jdks.Jdk jdk, AttachIT.Library library, String... jvmOptions) {
        return TargetJvm.start(CONTAINER, jdk, List.of(jvmOptions), library.classpath(), AttachTarget.class.getName(),
                library.driver.getName(), AttachIT.RAW.base() + "/omit");
    }

    /** target JDK, command JDK */
    static Stream<Arguments> fromHost() {
        List<Arguments> pairs = new ArrayList<>();
        int[][] wanted = {{8, 17}, {17, 17}, {25, 17}, {8, 25}};
        for (int[] pair : wanted) {
            if (jdk(pair[0]).isPresent() && jdk(pair[1]).isPresent()) {
                pairs.add(Arguments.of(jdk(pair[0]).get(), jdk(pair[1]).get()));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "target on {0}, command on {1}")
    @MethodSource("fromHost")
    void fromTheHost(Jdks.Jdk jdk, Jdks.Jdk host) throws IOException {
        assumeNamespaces();
        AttachIT.Library library = jdk.major() == 8 ? AttachIT.Library.NETTY : AttachIT.Library.JAVA_WEBSOCKET;
        try (TargetJvm target = inContainer(jdk, library)) {
            assertEquals(1, target.nsPid, "PID 1 of its namespace");
            String original = target.send("try");
            assertTrue(original.startsWith("TRY FAIL "), original);

            Fork.Result list = TargetJvm.cli(host, "list");
            String row = list.stdout().stream().filter(l -> l.startsWith(target.pid + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(list.describe()));
            assertTrue(row.startsWith(target.pid + " (pid 1 in its namespace)  "), row);
            assertTrue(row.contains(" " + AttachTarget.class.getName() + " "), row);

            Fork.Result attach = TargetJvm.cli(host, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(List.of(), attach.stderr(), attach.describe());
            assertTrue(attach.stdout().get(0).startsWith("pid " + target.pid + " (" + AttachTarget.class.getName()),
                    attach.describe());
            assertTrue(attach.stdout().get(0).contains("): attached; active " + AttachIT.VERSION), attach.describe());
            assertEquals(library.rescued(), target.send("try"));

            // the jar the JVM loaded: a copy in its own /tmp, named by content, where the host's path means nothing
            List<Path> copies = jarCopies(target);
            assertEquals(1, copies.size(), copies.toString());
            assertTrue(target.stderr().stream().anyMatch(l -> l.contains("[ws-subprotocol-agent] " + AttachIT.VERSION
                    + " active: ")), target.stderr().toString());
            Object inode = Files.readAttributes(copies.get(0), BasicFileAttributes.class).fileKey();

            Fork.Result status = TargetJvm.cli(host, "status", target.pid);
            assertEquals(0, status.exitCode(), status.describe());
            assertTrue(status.stdout().contains("  patched:  " + library.patchedEntry()), status.describe());
            assertTrue(status.stdout().contains("  rescued:  1 handshake(s) since the JVM started"), status.describe());

            Fork.Result detach = TargetJvm.cli(host, "detach", target.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertEquals(original, target.send("try"));
            Fork.Result again = TargetJvm.cli(host, "attach", target.pid);
            assertEquals(0, again.exitCode(), again.describe());
            assertEquals(library.rescued(), target.send("try"));
            // the loaded jar was never deleted, and the same copy served every later load
            assertEquals(List.of(copies.get(0)), jarCopies(target));
            assertEquals(inode, Files.readAttributes(copies.get(0), BasicFileAttributes.class).fileKey());
            Fork.Result last = TargetJvm.cli(host, "status", target.pid);
            assertTrue(last.stdout().contains("  rescued:  2 handshake(s) since the JVM started"), last.describe());
            assertEquals(List.of(), target.attachLeftovers());
        }
    }

    /**
     * A container whose JVM runs as a non-root user (nobody): root on the host attaches as that user, through the
     * container's /tmp.
     */
    @ParameterizedTest(name = "target on {0}")
    @MethodSource("nonRootTargets")
    void fromTheHostIntoANonRootContainer(Jdks.Jdk jdk) throws IOException {
        assumeNamespaces();
        Jdks.Jdk readable = OtherUser.readable(jdk);
        List<Path> classpath = OtherUser.readableClasspath("container-classes-" + jdk.major(),
                AttachIT.Library.NETTY.classpath());
        List<String> prefix = new ArrayList<>(CONTAINER);
        prefix.addAll(OtherUser.setpriv());
        Jdks.Jdk host = jdk(17).orElseThrow();
        try (TargetJvm target = TargetJvm.start(prefix, readable, List.of(), classpath, AttachTarget.class.getName(),
                AttachIT.Library.NETTY.driver.getName(), AttachIT.RAW.base() + "/omit")) {
            assertEquals("nobody", Files.getOwner(Paths.get("/proc/" + target.pid)).getName());
            assertTrue(target.send("try").startsWith("TRY FAIL "));
            Fork.Result attach = TargetJvm.cli(host, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(List.of(), attach.stderr(), attach.describe());
            assertTrue(attach.stdout().get(0).contains("): attached; active " + AttachIT.VERSION), attach.describe());
            assertEquals(AttachIT.Library.NETTY.rescued(), target.send("try"));
            Fork.Result status = TargetJvm.cli(host, "status", target.pid);
            assertTrue(status.stdout().contains("  rescued:  1 handshake(s) since the JVM started"), status.describe());
            assertEquals(1, jarCopies(target).size());
            assertEquals(List.of(), target.attachLeftovers());
        }
    }

    static Stream<Jdks.Jdk> nonRootTargets() {
        return Stream.of(8, 17).map(AttachContainerIT::jdk).filter(Optional::isPresent).map(Optional::get);
    }

    /** Inside the container, on a runtime without jdk.attach (Java 16+): attach 1. */
    @ParameterizedTest(name = "target on {0}")
    @MethodSource("targetJdks")
    void insideWithAJre(Jdks.Jdk jdk) {
        assumeNamespaces();
        Path jre = JreImages.withoutAttach();
        try (TargetJvm target = inContainer(jdk, AttachIT.Library.NETTY)) {
            assertTrue(target.send("try").startsWith("TRY FAIL "));
            List<String> inside = List.of("nsenter", "--target", String.valueOf(target.pid), "--pid", "--mount");
            Fork.Result list = TargetJvm.cli(inside, jre.resolve("bin/java"), List.of(), Fork.AGENT_JAR, "list");
            assertTrue(list.stdout().stream().anyMatch(l -> l.startsWith("1 ") && l.contains(AttachTarget.class.getName())),
                    list.describe());
            Fork.Result attach = TargetJvm.cli(inside, jre.resolve("bin/java"), List.of(), Fork.AGENT_JAR, "attach", 1);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(List.of(), attach.stderr(), attach.describe());
            assertTrue(attach.stdout().get(0).startsWith("pid 1 (" + AttachTarget.class.getName() + ", Java "),
                    attach.describe());
            assertTrue(attach.stdout().get(0).contains("): attached; active " + AttachIT.VERSION), attach.describe());
            assertEquals(AttachIT.Library.NETTY.rescued(), target.send("try"));
            Fork.Result status = TargetJvm.cli(inside, jre.resolve("bin/java"), List.of(), Fork.AGENT_JAR, "status", 1);
            assertEquals(0, status.exitCode(), status.describe());
            assertTrue(status.stdout().contains("  rescued:  1 handshake(s) since the JVM started"), status.describe());
            assertEquals(List.of(), target.attachLeftovers());
        }
    }

    static Stream<Jdks.Jdk> targetJdks() {
        return Stream.of(8, 17, 25).map(AttachContainerIT::jdk).filter(Optional::isPresent).map(Optional::get);
    }

    /** A runtime older than Java 16 without an attach API: one line that says why and what to run instead. */
    @Test
    void olderJreSaysWhatToRun() {
        Optional<Jdks.Jdk> jdk11 = jdk(11);
        assumeTrue(jdk11.isPresent() && Files.isDirectory(jdk11.get().home().resolve("jmods")),
                "needs JDK 11 with jmods to jlink a Java 11 runtime");
        Path jre = JreImages.withoutAttach(11);
        try (TargetJvm target = TargetJvm.start(jdk11.get(), List.of(), List.of(Fork.DRIVERS),
                IdleTarget.class.getName())) {
            Fork.Result attach = TargetJvm.cli(List.of(), jre.resolve("bin/java"), List.of(), Fork.AGENT_JAR,
                    "attach", target.pid);
            assertEquals(1, attach.exitCode(), attach.describe());
            assertEquals(1, attach.stderr().size(), attach.describe());
            assertTrue(attach.stderr().get(0).startsWith("error: this Java runtime (" + jre + ", Java 11."),
                    attach.describe());
            assertTrue(attach.stderr().get(0).endsWith(") has no attach API (no module jdk.attach: a JRE or a jlink'ed"
                    + " image) and is older than Java 16, so it cannot open a JVM's attach socket itself; run this"
                    + " command with the java of a full JDK, or of a Java 16+ runtime, or from the host"),
                    attach.describe());
        }
    }

    private static List<Path> jarCopies(TargetJvm target) throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("/proc/" + target.pid + "/root/tmp"))) {
            return files.filter(p -> p.getFileName().toString().matches("ws-subprotocol-agent-[0-9a-f]{16}\\.jar"))
                    .collect(Collectors.toList());
        }
    }
}
