package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.attach.AttachIT.Library;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.wssubprotocol.it.attach.TargetJvm.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attaching while the target runs 200 missing-header handshakes on 8 threads: every handshake either fails with
 * the library's own error (before the patch is in place) or connects with no subprotocol (after); none hangs or
 * fails any other way, and the JVM goes on working.
 */
class AttachConcurrencyIT {
    static final int HANDSHAKES = 200;
    static final int THREADS = 8;
    /** Each thread pauses this long between its handshakes, so that the burst outlasts the attach (about 4 s). */
    static final int PAUSE_MILLIS = 150;
    private static final Pattern OUTCOME = Pattern.compile("BURST (\\d+) (.*)");

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dev.wssubprotocol.it.attach.AttachIT#librariesOnJdks")
    void attachDuringHandshakes(Library library, Jdks.Jdk jdk) {
        try (TargetJvm target = library.start(jdk)) {
            String original = target.send("try").substring("TRY ".length());
            assertTrue(original.startsWith("FAIL "), original);
            String rescued = library.rescued().substring("TRY ".length());

            target.write("burst " + HANDSHAKES + " " + THREADS + " " + PAUSE_MILLIS);
            assertEquals("BURST PROGRESS " + THREADS, target.next());
            Fork.Result attach = cli(jdk, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());

            Map<String, Integer> outcomes = new LinkedHashMap<>();
            String line = target.next();
            for (; !line.startsWith("BURST DONE "); line = target.next()) {
                Matcher m = OUTCOME.matcher(line);
                assertTrue(m.matches(), line);
                outcomes.put(m.group(2), Integer.valueOf(m.group(1)));
            }
            assertEquals("BURST DONE " + HANDSHAKES + "/" + HANDSHAKES, line, "no handshake hung: " + outcomes);
            Map<String, Integer> unexpected = new LinkedHashMap<>(outcomes);
            unexpected.keySet().removeAll(java.util.List.of(original, rescued));
            assertEquals(Map.of(), unexpected, "only the original failure or a rescue: " + outcomes);
            System.out.println(library + " on " + jdk + ", attached during the burst: " + outcomes);
            int fails = outcomes.getOrDefault(original, 0);
            int oks = outcomes.getOrDefault(rescued, 0);
            assertTrue(fails >= THREADS, "the first handshakes ran before the attach: " + outcomes);
            assertTrue(oks > 0, "the burst went on after the attach: " + outcomes);

            // still healthy: another handshake, and the agent counted every rescue
            assertEquals(library.rescued(), target.send("try"));
            Fork.Result status = cli(jdk, "status", target.pid);
            assertTrue(status.stdout().contains("  rescued:  " + (oks + 1) + " handshake(s) since the JVM started"),
                    outcomes + "\n" + status.describe());
            assertTrue(target.agentLines().stream().noneMatch(l -> l.contains("WARNING") || l.contains("ERROR")),
                    target.stderr().toString());
            assertTrue(target.alive());
        }
    }
}
