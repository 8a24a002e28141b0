package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.attach.AttachIT.Library;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.wssubprotocol.it.attach.TargetJvm.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attaching while the target runs 200 missing-header handshakes on 8 threads: every handshake either fails with
 * the library's own error (before the patch is in place) or connects with no subprotocol (after); none hangs or
 * fails any other way, and the JVM goes on working. The last 50 handshakes are held until the attach command has
 * returned, so that some surely run after it whatever the machine's load; the first 150 run while it works.
 */
class AttachConcurrencyIT {
    static final int HANDSHAKES = 200;
    static final int THREADS = 8;
    static final int HELD = 50;
    /** Each thread pauses this long between its handshakes: the first 150 take about 3 s, as long as an attach. */
    static final int PAUSE_MILLIS = 150;
    private static final Pattern OUTCOME = Pattern.compile("BURST (before|after) (\\d+) (.*)");

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dev.wssubprotocol.it.attach.AttachIT#librariesOnJdks")
    void attachDuringHandshakes(Library library, Jdks.Jdk jdk) {
        try (TargetJvm target = library.start(jdk)) {
            String original = target.send("try").substring("TRY ".length());
            assertTrue(original.startsWith("FAIL "), original);
            String rescued = library.rescued().substring("TRY ".length());

            target.write("burst " + HANDSHAKES + " " + THREADS + " " + PAUSE_MILLIS + " " + HELD);
            assertEquals("BURST PROGRESS " + THREADS, target.next());
            Fork.Result attach = cli(jdk, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            target.write("release");

            Map<String, Integer> before = new LinkedHashMap<>();
            Map<String, Integer> after = new LinkedHashMap<>();
            String line = target.next();
            for (; !line.startsWith("BURST DONE "); line = target.next()) {
                Matcher m = OUTCOME.matcher(line);
                assertTrue(m.matches(), line);
                (m.group(1).equals("before") ? before : after).put(m.group(3), Integer.valueOf(m.group(2)));
            }
            System.out.println(library + " on " + jdk + ", while attaching: " + before + "; after: " + after);
            assertEquals("BURST DONE " + HANDSHAKES + "/" + HANDSHAKES, line, "no handshake hung: " + before + after);
            Map<String, Integer> unexpected = new LinkedHashMap<>(before);
            unexpected.keySet().removeAll(List.of(original, rescued));
            assertEquals(Map.of(), unexpected, "only the original failure or a rescue: " + before);
            assertTrue(before.getOrDefault(original, 0) >= THREADS, "the first handshakes ran unpatched: " + before);
            assertEquals(Map.of(rescued, HELD), after, "every handshake after the attach is rescued");
            int oks = before.getOrDefault(rescued, 0) + HELD;

            // still healthy: another handshake, and the agent counted every rescue
            assertEquals(library.rescued(), target.send("try"));
            Fork.Result status = cli(jdk, "status", target.pid);
            assertTrue(status.stdout().contains("  rescued:  " + (oks + 1) + " handshake(s) since the JVM started"),
                    before + "\n" + status.describe());
            assertTrue(target.agentLines().stream().noneMatch(l -> l.contains("WARNING") || l.contains("ERROR")),
                    target.stderr().toString());
            assertTrue(target.alive());
        }
    }
}
