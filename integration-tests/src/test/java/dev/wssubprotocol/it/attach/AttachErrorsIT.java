package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.driver.IdleTarget;
import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.attach.TargetJvm.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every way an attach can fail says why in one stderr line per target and exits non-zero; the target is left as
 * it was, and nothing is left behind.
 */
class AttachErrorsIT {
    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    static TargetJvm idle(Jdks.Jdk jdk, String... jvmOptions) {
        return TargetJvm.start(jdk, List.of(jvmOptions), List.of(Fork.DRIVERS), IdleTarget.class.getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void noSuchPid(Jdks.Jdk jdk) {
        Fork.Result result = cli(jdk, "attach", Integer.MAX_VALUE);
        assertEquals(1, result.exitCode(), result.describe());
        assertEquals(List.of(), result.stdout());
        assertEquals(List.of("error: pid " + Integer.MAX_VALUE + ": no such process"), result.stderr());
    }

    /** The attach request is never sent to a process the attach API does not list: a `sleep` is not signalled. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void notAJvm(Jdks.Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("not-a-jvm");
        Process sleep = new ProcessBuilder("sleep", "120").directory(dir.toFile()).start();
        try {
            for (String command : List.of("attach", "status", "detach")) {
                Fork.Result result = cli(jdk, command, sleep.pid());
                assertEquals(1, result.exitCode(), result.describe());
                assertEquals(List.of("error: pid " + sleep.pid() + ": not a JVM (sleep): the attach API does not list it"),
                        result.stderr());
            }
            assertTrue(sleep.isAlive(), "the sleep got no signal");
            assertEquals(List.of(), TargetJvm.leftovers(sleep.pid(), dir));
        } finally {
            sleep.destroy();
            sleep.waitFor(10, TimeUnit.SECONDS);
            Files.delete(dir);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attachMechanismDisabled(Jdks.Jdk jdk) {
        try (TargetJvm target = idle(jdk, "-XX:+DisableAttachMechanism")) {
            Fork.Result attach = cli(jdk, "attach", target.pid);
            assertEquals(1, attach.exitCode(), attach.describe());
            assertEquals(List.of("error: pid " + target.pid + ": a JVM started with -XX:+DisableAttachMechanism, which"
                    + " refuses every attach; restart it without that flag, or with -javaagent:" + Fork.AGENT_JAR),
                    attach.stderr());
            Fork.Result list = cli(jdk, "list");
            assertEquals(0, list.exitCode(), list.describe());
            assertTrue(list.stdout().stream().noneMatch(l -> l.startsWith(target.pid + " ")), list.describe());
            assertEquals(List.of(), target.attachLeftovers());
            assertEquals(List.of(), target.stderr());
        }
    }

    /**
     * A JVM started with -Xrs does not catch SIGQUIT, which would end it. HotSpot then opens its attach socket at
     * start-up (no signal needed), and the command attaches through it. Once that socket is gone (a /tmp cleaner),
     * the command never signals the JVM, with the JDK's attach API nor with its own socket client (a runtime
     * without jdk.attach). -XX:+DisableAttachMechanism is refused by both before anything is sent. The JVMs survive.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void neverSignalsAJvmThatWouldDie(Jdks.Jdk jdk) throws IOException {
        Path jre = JreImages.withoutAttach().resolve("bin/java");
        try (TargetJvm xrs = idle(jdk, "-Xrs"); TargetJvm disabled = idle(jdk, "-XX:+DisableAttachMechanism")) {
            Path socket = Paths.get("/tmp/.java_pid" + xrs.pid);
            assertTrue(Files.exists(socket), "-Xrs: HotSpot opens the attach socket at start-up");
            Fork.Result attach = cli(jdk, "attach", xrs.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(0, cli(jdk, "detach", xrs.pid).exitCode());
            Files.delete(socket);
            for (Path java : List.of(jdk.java(), jre)) {
                Fork.Result refused = cli(List.of(), java, List.of(), Fork.AGENT_JAR, "attach", xrs.pid);
                assertEquals(1, refused.exitCode(), refused.describe());
                assertEquals(List.of("error: pid " + xrs.pid + ": the JVM does not handle SIGQUIT (started with -Xrs?),"
                        + " so the signal that starts its attach listener would end it; nothing was sent; restart it"
                        + " without -Xrs, or with -javaagent:" + Fork.AGENT_JAR), refused.stderr(), refused.describe());
                Fork.Result disabledAttach = cli(List.of(), java, List.of(), Fork.AGENT_JAR, "attach", disabled.pid);
                assertEquals(List.of("error: pid " + disabled.pid + ": a JVM started with -XX:+DisableAttachMechanism,"
                        + " which refuses every attach; restart it without that flag, or with -javaagent:"
                        + Fork.AGENT_JAR), disabledAttach.stderr(), disabledAttach.describe());
            }
            for (TargetJvm target : List.of(xrs, disabled)) {
                assertEquals("UNKNOWN ping", target.send("ping"), "alive and answering");
                assertEquals(List.of(), target.attachLeftovers());
                assertTrue(target.stderr().stream().noneMatch(l -> l.contains("SIGQUIT") || l.contains("core")),
                        target.stderr().toString());
            }
        }
    }

    /** One good and one bad target: the good one is attached, the bad one reported, and the exit code says so. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void exitCodeWhenOneTargetFails(Jdks.Jdk jdk) {
        try (TargetJvm target = idle(jdk)) {
            Fork.Result result = cli(jdk, "attach", target.pid, Integer.MAX_VALUE);
            assertEquals(1, result.exitCode(), result.describe());
            assertEquals(1, result.stdout().size(), result.describe());
            assertTrue(result.stdout().get(0).startsWith("pid " + target.pid + " ("), result.describe());
            assertTrue(result.stdout().get(0).contains("): attached; active " + AgentOutput.VERSION), result.describe());
            assertEquals(List.of("error: pid " + Integer.MAX_VALUE + ": no such process"), result.stderr());
        }
    }

    /** Options the agent rejects: it stays inactive in the target, and the command says where the reason is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void badOptions(Jdks.Jdk jdk) {
        try (TargetJvm target = idle(jdk)) {
            Fork.Result result = cli(jdk, "attach", "--options", "patches=nosuch", target.pid);
            assertEquals(1, result.exitCode(), result.describe());
            assertEquals(List.of("error: pid " + target.pid + ": the agent did not start there (options rejected?);"
                    + " the reason is on that JVM's stderr, in a line that starts with [ws-subprotocol-agent]"),
                    result.stderr());
            assertTrue(target.agentLines().stream().anyMatch(l -> l.startsWith(
                    "[ws-subprotocol-agent] ERROR: unknown patch 'nosuch'")), target.stderr().toString());
            assertTrue(cli(jdk, "status", target.pid).stdout().contains("  agent:    not loaded"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void dynamicAgentLoadingDisabled(Jdks.Jdk jdk) {
        assumeTrue(jdk.major() >= 21, "-XX:-EnableDynamicAgentLoading exists from JDK 21 on");
        try (TargetJvm target = idle(jdk, "-XX:-EnableDynamicAgentLoading")) {
            Fork.Result result = cli(jdk, "attach", target.pid);
            assertEquals(1, result.exitCode(), result.describe());
            assertEquals(1, result.stderr().size(), result.describe());
            assertTrue(result.stderr().get(0).startsWith("error: pid " + target.pid + ": the JVM did not load the"
                    + " agent: AgentLoadException: "), result.describe());
            assertTrue(result.stderr().get(0).contains("-XX:+EnableDynamicAgentLoading"), result.describe());
        }
    }

    @Test
    void usageErrors() {
        Jdks.Jdk jdk = Jdks.all().get(0);
        for (List<String> args : List.of(List.of("attach"), List.of("attach", "--main", "x", "1"),
                List.of("attach", "--all", "1"), List.of("attach", "--bogus", "1"), List.of("frobnicate"),
                List.of("status"), List.of("list", "1"), List.of("attach", "--all", "--main", "("))) {
            Fork.Result result = cli(jdk, args.toArray());
            assertEquals(2, result.exitCode(), args + ": " + result.describe());
            assertEquals(List.of(), result.stdout(), args + ": " + result.describe());
        }
        for (String command : List.of("list", "attach", "status", "detach")) {
            Fork.Result help = cli(jdk, command, "--help");
            assertEquals(0, help.exitCode());
            assertTrue(help.stdout().get(0).startsWith("Usage: java -jar ws-subprotocol-agent.jar " + command),
                    help.describe());
        }
    }

    /**
     * A JVM of another user: only testable as root, which can run the command as "nobody" against its own JVM.
     * Root itself may attach to any user's JVM (JDK 11 and later accept root as the peer).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anotherUsersJvm(Jdks.Jdk given) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Paths.get("/usr/bin/setpriv")),
                "needs root and setpriv to act as another user");
        Jdks.Jdk jdk = OtherUser.readable(given);
        String uid = Fork.exec(List.of("id", "-u", "nobody")).stdout().get(0);
        String gid = Fork.exec(List.of("id", "-g", "nobody")).stdout().get(0);
        List<String> asNobody = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
        Path perfData = Paths.get("/tmp/hsperfdata_nobody");
        boolean perfDataExisted = Files.exists(perfData);
        // copies that "nobody" can read, wherever the build directory is
        Path shared = Files.createTempDirectory("attach-other-user",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path jar = Files.copy(Fork.AGENT_JAR, shared.resolve("ws-subprotocol-agent.jar"));
        Path classes = shared.resolve("classes");
        Path idleClass = Paths.get(IdleTarget.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(classes.resolve(idleClass).getParent());
        Files.copy(Fork.DRIVERS.resolve(idleClass), classes.resolve(idleClass));
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path p : files.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (TargetJvm rootJvm = idle(given);
             TargetJvm nobodyJvm = TargetJvm.start(asNobody, jdk, List.of(), List.of(classes),
                     IdleTarget.class.getName())) {
            Fork.Result denied = cli(asNobody, jdk.java(), List.of(), jar, "attach", rootJvm.pid);
            assertEquals(1, denied.exitCode(), denied.describe());
            assertEquals(1, denied.stderr().size(), denied.describe());
            String line = denied.stderr().get(0);
            assertTrue(line.startsWith("error: pid " + rootJvm.pid + ": the process belongs to user root and this"
                    + " command runs as nobody; the attach API only reaches JVMs of the same user; run: sudo -u root "),
                    line);
            assertTrue(line.endsWith("/bin/java -jar " + jar + " attach " + rootJvm.pid), line);
            assertEquals(List.of(), rootJvm.attachLeftovers());

            Fork.Result byRoot = cli(List.of(), jdk.java(), List.of(), jar, "attach", nobodyJvm.pid);
            assertEquals(0, byRoot.exitCode(), byRoot.describe());
            assertTrue(byRoot.stdout().get(0).contains("): attached; active " + AgentOutput.VERSION), byRoot.describe());
            Fork.Result detach = cli(List.of(), jdk.java(), List.of(), jar, "detach", nobodyJvm.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertEquals(List.of(), nobodyJvm.attachLeftovers());
        } finally {
            try (Stream<Path> files = Files.walk(shared)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (!perfDataExisted) {
                deleteIfEmpty(perfData);
            }
        }
    }

    /**
     * A runtime without the module jdk.attach (a jlink'ed image, Java 16+) attaches with the command's own socket
     * client: list, attach, status and detach, on every JDK's JVM, ending in a rescued handshake.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void runtimeWithoutAttachModule(Jdks.Jdk jdk) {
        Path java = JreImages.withoutAttach().resolve("bin/java");
        try (TargetJvm target = AttachIT.Library.NETTY.start(jdk)) {
            String original = target.send("try");
            Fork.Result list = cli(List.of(), java, List.of(), Fork.AGENT_JAR, "list");
            assertTrue(list.stdout().stream().anyMatch(l -> l.startsWith(target.pid + " ")), list.describe());
            Fork.Result attach = cli(List.of(), java, List.of(), Fork.AGENT_JAR, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(List.of(), attach.stderr(), attach.describe());
            assertTrue(attach.stdout().get(0).contains("): attached; active " + AgentOutput.VERSION), attach.describe());
            assertEquals(AttachIT.Library.NETTY.rescued(), target.send("try"));
            Fork.Result status = cli(List.of(), java, List.of(), Fork.AGENT_JAR, "status", target.pid);
            assertTrue(status.stdout().contains("  rescued:  1 handshake(s) since the JVM started"), status.describe());
            Fork.Result detach = cli(List.of(), java, List.of(), Fork.AGENT_JAR, "detach", target.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertEquals(original, target.send("try"));
            assertEquals(List.of(), target.attachLeftovers());
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
