package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.driver.AttachTarget;
import dev.wssubprotocol.it.driver.IdleTarget;
import dev.wssubprotocol.it.driver.JavaWebSocketDriver;
import dev.wssubprotocol.it.driver.NettyDriver;
import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.RawServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.attach.TargetJvm.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar ws-subprotocol-agent.jar list|attach|status|detach} against long-running client JVMs on every
 * JDK: the missing-header case fails before the attach, connects after it, fails exactly as before after a detach,
 * and connects again after a second attach. Java 21 and later print the JEP 451 warning in the target for each
 * dynamic load (attach and detach): expected, and checked.
 */
class AttachIT {
    static final String VERSION = AgentOutput.VERSION;
    static final String OPTIONS = "patches=" + String.join(",", AgentOutput.PATCH_IDS) + " mode=patch log=info empty=reject";
    static final String DYNAMIC_AGENT_WARNING = "WARNING: A Java agent has been loaded dynamically";
    static final RawServer RAW;

    static {
        // shared by every attach test class in this JVM, so closed only when the JVM exits
        try {
            RAW = new RawServer();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    RAW.close();
                } catch (Exception ignored) {
                    // exiting
                }
            }));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One client library in a long-running target. */
    enum Library {
        NETTY("netty", "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker", NettyDriver.class,
                "null", "io.netty:netty-codec-http:4.1.140.Final"),
        JAVA_WEBSOCKET("java-websocket", "org.java_websocket.drafts.Draft_6455", JavaWebSocketDriver.class,
                "\"\"", "org.java-websocket:Java-WebSocket:1.6.0");

        final String patch;
        final String patchedClass;
        final Class<?> driver;
        /** how the driver prints "no subprotocol" */
        final String none;
        final String coordinates;

        Library(String patch, String patchedClass, Class<?> driver, String none, String coordinates) {
            this.patch = patch;
            this.patchedClass = patchedClass;
            this.driver = driver;
            this.none = none;
            this.coordinates = coordinates;
        }

        String rescued() {
            return "TRY OK subprotocol=" + none + " echo=hello";
        }

        String patchedEntry() {
            return patch + ":" + patchedClass + "@system";
        }

        List<Path> classpath() {
            List<Path> classpath = new ArrayList<>();
            classpath.add(Fork.DRIVERS);
            classpath.addAll(Libraries.classpath(coordinates));
            return classpath;
        }

        TargetJvm start(Jdks.Jdk jdk, String... jvmOptions) {
            return TargetJvm.start(jdk, List.of(jvmOptions), classpath(), AttachTarget.class.getName(),
                    driver.getName(), RAW.base() + "/omit");
        }
    }

    static Stream<Arguments> librariesOnJdks() {
        return Stream.of(Library.values()).flatMap(l -> Jdks.all().stream().map(jdk -> Arguments.of(l, jdk)));
    }

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    static String head(TargetJvm target, String main, Jdks.Jdk jdk) {
        return "pid " + target.pid + " (" + main + ", Java " + (jdk.major() == 8 ? "1.8.0" : jdk.major() + ".");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("librariesOnJdks")
    void attachStatusDetachAttachAgain(Library library, Jdks.Jdk jdk) {
        try (TargetJvm target = library.start(jdk)) {
            String original = target.send("try");
            assertTrue(original.startsWith("TRY FAIL "), "the library is strict without the agent: " + original);

            Fork.Result attach = cli(jdk, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(1, attach.stdout().size(), attach.describe());
            String line = attach.stdout().get(0);
            assertTrue(line.startsWith(head(target, AttachTarget.class.getName(), jdk)), line);
            assertTrue(line.endsWith("): attached; active " + VERSION + " (" + OPTIONS + "); patched: "
                    + library.patchedEntry() + "; rescued: 0"), line);
            assertEquals(library.rescued(), target.send("try"));

            Fork.Result status = cli(jdk, "status", target.pid);
            assertEquals(0, status.exitCode(), status.describe());
            assertEquals(List.of(
                    "  agent:    active, version " + VERSION,
                    "  options:  " + OPTIONS,
                    "  patched:  " + library.patchedEntry(),
                    "  rescued:  1 handshake(s) since the JVM started"),
                    status.stdout().subList(1, status.stdout().size()), status.describe());

            Fork.Result again = cli(jdk, "attach", target.pid);
            assertEquals(0, again.exitCode(), again.describe());
            assertTrue(again.stdout().get(0).contains("): already active, nothing changed; active " + VERSION),
                    again.describe());

            Fork.Result detach = cli(jdk, "detach", target.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertTrue(detach.stdout().get(0).endsWith("): detached; original code again in "
                    + library.patchedEntry() + "; rescued: 1"), detach.describe());
            assertEquals(original, target.send("try"), "after the detach the library fails exactly as before");
            Fork.Result detached = cli(jdk, "status", target.pid);
            assertTrue(detached.stdout().contains("  agent:    inactive (detached), version " + VERSION),
                    detached.describe());
            assertTrue(detached.stdout().contains("  patched:  none"), detached.describe());

            Fork.Result detachAgain = cli(jdk, "detach", target.pid);
            assertEquals(0, detachAgain.exitCode(), detachAgain.describe());
            assertTrue(detachAgain.stdout().get(0).contains("): not active, nothing to detach"),
                    detachAgain.describe());

            Fork.Result reattach = cli(jdk, "attach", target.pid);
            assertEquals(0, reattach.exitCode(), reattach.describe());
            assertTrue(reattach.stdout().get(0).contains("): attached; active " + VERSION), reattach.describe());
            assertEquals(library.rescued(), target.send("try"));
            Fork.Result last = cli(jdk, "status", target.pid);
            assertTrue(last.stdout().contains("  rescued:  2 handshake(s) since the JVM started"), last.describe());

            // one start and one weave per attach, and none for the double attach: nothing was loaded twice
            assertEquals(2, target.count("[ws-subprotocol-agent] " + VERSION + " active: "), target.stderr().toString());
            assertEquals(2, target.count("[ws-subprotocol-agent] patched " + library.patch + ": "
                    + library.patchedClass + " (loader: system"), target.stderr().toString());
            assertTrue(target.agentLines().stream().noneMatch(l -> l.contains("WARNING") || l.contains("ERROR")),
                    target.stderr().toString());
            // JEP 451: one warning for each dynamic load (2 attaches, 1 detach; none for the no-op commands)
            assertEquals(jdk.major() >= 21 ? 3 : 0, target.count(DYNAMIC_AGENT_WARNING), target.stderr().toString());
            for (Fork.Result r : List.of(attach, status, again, detach, detached, detachAgain, reattach, last)) {
                assertEquals(List.of(), r.stderr(), "nothing on stderr: " + r.describe());
            }
            assertEquals(List.of(), target.attachLeftovers());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void startedWithJavaagentIsAlreadyActive(Jdks.Jdk jdk) {
        try (TargetJvm target = Library.NETTY.start(jdk, "-javaagent:" + Fork.AGENT_JAR)) {
            assertEquals(Library.NETTY.rescued(), target.send("try"));
            Fork.Result attach = cli(jdk, "attach", "--options", "log=debug", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(1, attach.stdout().size(), attach.describe());
            String line = attach.stdout().get(0);
            assertTrue(line.startsWith(head(target, AttachTarget.class.getName(), jdk)), line);
            assertTrue(line.endsWith("): already active, nothing changed (--options not applied: detach first to"
                    + " change them); active " + VERSION + " (" + OPTIONS + "); patched: "
                    + Library.NETTY.patchedEntry() + "; rescued: 1"), line);
            assertEquals(0, target.count(DYNAMIC_AGENT_WARNING), "nothing was loaded: " + target.stderr());
            assertEquals(1, target.count("[ws-subprotocol-agent] " + VERSION + " active: "));

            // a detach works on an agent started by -javaagent too
            Fork.Result detach = cli(jdk, "detach", target.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertTrue(target.send("try").startsWith("TRY FAIL "));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void listShowsEachJvmWithItsAgentState(Jdks.Jdk jdk) {
        try (TargetJvm attached = Library.NETTY.start(jdk);
             TargetJvm plain = TargetJvm.start(jdk, List.of(), List.of(Fork.DRIVERS), IdleTarget.class.getName())) {
            attached.send("try");
            assertEquals(0, cli(jdk, "attach", attached.pid).exitCode());

            Fork.Result list = cli(jdk, "list");
            assertListed(list, attached, plain);
            assertEquals(List.of("PID", "JAVA", "MAIN", "AGENT", "PATCHED"),
                    List.of(list.stdout().get(0).split("\\s+")), list.describe());
            assertEquals(List.of(String.valueOf(attached.pid), "?", AttachTarget.class.getName(), "active", VERSION,
                    Library.NETTY.patchedEntry()), columns(row(list, attached.pid)), list.describe());
            assertEquals(List.of(String.valueOf(plain.pid), "?", IdleTarget.class.getName(), "not", "loaded", "-"),
                    columns(row(list, plain.pid)), list.describe());

            assertEquals(0, cli(jdk, "detach", attached.pid).exitCode());
            Fork.Result after = cli(jdk, "list");
            assertListed(after, attached, plain);
            assertEquals(List.of(String.valueOf(attached.pid), "?", AttachTarget.class.getName(), "inactive", VERSION,
                    "(detached)", "none"), columns(row(after, attached.pid)), after.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void allWithMainFilters(Jdks.Jdk jdk) {
        String both = "^dev\\.wssubprotocol\\.it\\.driver\\.(AttachTarget|IdleTarget)$";
        try (TargetJvm client = Library.NETTY.start(jdk);
             TargetJvm idle = TargetJvm.start(jdk, List.of(), List.of(Fork.DRIVERS), IdleTarget.class.getName())) {
            client.send("try");
            Fork.Result attach = cli(jdk, "attach", "--all", "--main", both, "--exclude-main", "IdleTarget$");
            assertEquals(0, attach.exitCode(), attach.describe());
            assertTrue(row(attach, client.pid).contains("): attached; active " + VERSION), attach.describe());
            assertTrue(attach.stdout().stream().noneMatch(l -> l.startsWith("pid " + idle.pid + " ")),
                    attach.describe());
            assertEquals("TRY OK subprotocol=null echo=hello", client.send("try"));
            assertTrue(cli(jdk, "status", idle.pid).stdout().contains("  agent:    not loaded"));

            Fork.Result detach = cli(jdk, "detach", "--all", "--main", both);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertTrue(row(detach, client.pid).contains("): detached;"), detach.describe());
            assertTrue(row(detach, idle.pid).contains("): not active, nothing to detach (agent not loaded)"),
                    detach.describe());

            Fork.Result none = cli(jdk, "attach", "--all", "--main", "^NoSuchMain$");
            assertEquals(1, none.exitCode(), none.describe());
            assertEquals(List.of("error: no JVM of this user matches --main '^NoSuchMain$'"), none.stderr());
        }
    }

    /** The command line's own JVM never runs the agent: none of the agent's patching classes is even loaded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void commandLineLoadsNoPatchIntoItsOwnJvm(Jdks.Jdk jdk) {
        try (TargetJvm target = TargetJvm.start(jdk, List.of(), List.of(Fork.DRIVERS), IdleTarget.class.getName())) {
            Fork.Result attach = TargetJvm.cli(List.of(), jdk, List.of("-verbose:class"), "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            List<String> agentClasses = attach.stdout().stream()
                    // the command line's own classes (cli, and byte-buddy-agent's attach protocol shaded for it) may
                    // load; nothing of the patching side may
                    .filter(l -> l.contains("dev.wssubprotocol.agent.") && !l.contains("dev.wssubprotocol.agent.cli.")
                            && !l.contains("dev.wssubprotocol.agent.shaded.bytebuddy.agent.")
                            && !l.contains("dev.wssubprotocol.agent.AgentEntry "))
                    .toList();
            assertEquals(List.of(), agentClasses);
            assertTrue(attach.stdout().stream().anyMatch(l -> l.contains("dev.wssubprotocol.agent.cli.Attach ")));
        }
    }

    /**
     * The list worked for the test's own JVMs. Other JVMs on the machine (builds of other work trees, forks that
     * are just exiting) are not under test: one of them may fail to answer, which makes the exit code 1.
     */
    private static void assertListed(Fork.Result list, TargetJvm... mine) {
        for (TargetJvm jvm : mine) {
            assertTrue(list.stderr().stream().noneMatch(l -> l.startsWith("error: pid " + jvm.pid + ":")),
                    list.describe());
        }
        assertEquals(list.stderr().isEmpty() ? 0 : 1, list.exitCode(), list.describe());
    }

    private static String row(Fork.Result result, long pid) {
        return result.stdout().stream().filter(l -> l.startsWith(pid + " ") || l.startsWith("pid " + pid + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no line for pid " + pid + ": " + result.describe()));
    }

    /** A list row split on blanks, with the Java version (which varies) as "?". */
    private static List<String> columns(String row) {
        List<String> columns = new ArrayList<>(List.of(row.trim().split("\\s+")));
        assertFalse(columns.get(1).isEmpty());
        columns.set(1, "?");
        return columns;
    }
}
