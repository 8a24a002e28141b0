package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.driver.AttachTarget;
import dev.wssubprotocol.it.driver.IdleTarget;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.wssubprotocol.it.attach.TargetJvm.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line on one JDK, the target JVM on another, as an operator meets them: a Java 8 service attached
 * from a JDK 17 or 25 host, and a JDK 17, 21 or 25 service from a Java 8 JDK (its tools.jar). Java 8's attach
 * listener answers a load with a bare "0" where JDK 9 and later answer "return code: 0"; each side's client reads
 * the other's answer as an error (issue 10), which the command must not report.
 */
class AttachAcrossJdksIT {
    /** host JDK, target JDK, library */
    static Stream<Arguments> pairs() {
        int[][] pairs = {{17, 8}, {25, 8}, {21, 8}, {11, 8}, {8, 17}, {8, 21}, {8, 25}, {8, 11}};
        List<Arguments> arguments = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            Optional<Jdks.Jdk> host = jdk(pairs[i][0]);
            Optional<Jdks.Jdk> target = jdk(pairs[i][1]);
            if (host.isPresent() && target.isPresent()) {
                arguments.add(Arguments.of(host.get(), target.get(),
                        i % 2 == 0 ? AttachIT.Library.NETTY : AttachIT.Library.JAVA_WEBSOCKET));
            }
        }
        assumeTrue(!arguments.isEmpty(), "needs JDK 8 and one of 11, 17, 21, 25");
        return arguments.stream();
    }

    static Optional<Jdks.Jdk> jdk(int major) {
        return Jdks.all().stream().filter(j -> j.major() == major).findFirst();
    }

    @ParameterizedTest(name = "command on {0}, target on {1}, {2}")
    @MethodSource("pairs")
    void attachStatusDetach(Jdks.Jdk host, Jdks.Jdk jdk, AttachIT.Library library) {
        try (TargetJvm target = library.start(jdk)) {
            String original = target.send("try");
            assertTrue(original.startsWith("TRY FAIL "), original);

            Fork.Result attach = cli(host, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(List.of(), attach.stderr(), attach.describe());
            assertTrue(attach.stdout().get(0).startsWith(AttachIT.head(target, AttachTarget.class.getName(), jdk)),
                    attach.describe());
            assertTrue(attach.stdout().get(0).endsWith("): attached; active " + AttachIT.VERSION + " ("
                    + AttachIT.OPTIONS + "); patched: " + library.patchedEntry() + "; rescued: 0"), attach.describe());
            assertEquals(library.rescued(), target.send("try"));

            Fork.Result status = cli(host, "status", target.pid);
            assertEquals(0, status.exitCode(), status.describe());
            assertEquals(List.of(
                    "  agent:    active, version " + AttachIT.VERSION,
                    "  options:  " + AttachIT.OPTIONS,
                    "  patched:  " + library.patchedEntry(),
                    "  rescued:  1 handshake(s) since the JVM started"),
                    status.stdout().subList(1, status.stdout().size()), status.describe());

            Fork.Result again = cli(host, "attach", target.pid);
            assertEquals(0, again.exitCode(), again.describe());
            assertTrue(again.stdout().get(0).contains("): already active, nothing changed"), again.describe());

            Fork.Result detach = cli(host, "detach", target.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertEquals(List.of(), detach.stderr(), detach.describe());
            assertTrue(detach.stdout().get(0).endsWith("): detached; original code again in "
                    + library.patchedEntry() + "; rescued: 1"), detach.describe());
            assertEquals(original, target.send("try"));

            Fork.Result reattach = cli(host, "attach", target.pid);
            assertEquals(0, reattach.exitCode(), reattach.describe());
            assertEquals(library.rescued(), target.send("try"));
            Fork.Result last = cli(host, "status", target.pid);
            assertTrue(last.stdout().contains("  rescued:  2 handshake(s) since the JVM started"), last.describe());
            assertEquals(2, target.count("[ws-subprotocol-agent] " + AttachIT.VERSION + " active: "),
                    target.stderr().toString());
            assertEquals(List.of(), target.attachLeftovers());
        }
    }

    /** One JVM on each JDK, listed by the command on the oldest and on the newest JDK with each one's version. */
    @Test
    void listShowsJvmsOfEveryJdk() {
        List<Jdks.Jdk> jdks = Jdks.all();
        assumeTrue(jdks.size() > 1, "needs more than one JDK");
        List<TargetJvm> targets = new ArrayList<>();
        try {
            for (Jdks.Jdk jdk : jdks) {
                targets.add(TargetJvm.start(jdk, List.of(), List.of(Fork.DRIVERS),
                        IdleTarget.class.getName()));
            }
            for (Jdks.Jdk host : List.of(jdks.get(0), jdks.get(jdks.size() - 1))) {
                Fork.Result list = cli(host, "list");
                for (int i = 0; i < jdks.size(); i++) {
                    TargetJvm target = targets.get(i);
                    String row = list.stdout().stream().filter(l -> l.startsWith(target.pid + " ")).findFirst()
                            .orElseThrow(() -> new AssertionError("not listed: " + target.pid + " " + list.describe()));
                    String[] columns = row.split("\\s+");
                    int major = jdks.get(i).major();
                    assertTrue(columns[1].startsWith(major == 8 ? "1.8.0" : major + "."), host + ": " + row);
                    assertEquals(IdleTarget.class.getName(), columns[2], row);
                    assertEquals("not", columns[3], row);
                    assertTrue(list.stderr().stream().noneMatch(l -> l.startsWith("error: pid " + target.pid + ":")),
                            list.describe());
                }
            }
        } finally {
            targets.forEach(TargetJvm::close);
        }
    }
}
