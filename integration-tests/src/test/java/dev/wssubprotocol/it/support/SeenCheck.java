package dev.wssubprotocol.it.support;

import dev.wssubprotocol.it.driver.Case;
import dev.wssubprotocol.it.driver.JavaWebSocketDriver;
import dev.wssubprotocol.it.driver.Netty5Driver;
import dev.wssubprotocol.it.driver.NettyDriver;
import dev.wssubprotocol.it.driver.ReactorNettyDriver;
import dev.wssubprotocol.it.driver.Seen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What the application still sees of a handshake the agent touched, in the forked JVMs: the drivers' {@code SEEN}
 * lines ({@link Seen}, on stderr). For the libraries whose advice gives the response a header for a moment or
 * swaps a list (Netty 4 in both modes, netty5, Reactor Netty; Java-WebSocket's draft), after the handshake:
 * <ul>
 *   <li>the response's headers are exactly as without the agent, where that run has them (the library does not
 *       change them: these are the headers as the server sent them, order and spelling included);</li>
 *   <li>a rescued response has no {@code Sec-WebSocket-Protocol} at all;</li>
 *   <li>Java-WebSocket's draft knows the application's own protocols, in its order.</li>
 * </ul>
 * The run without the agent and the agent's run with its defaults are kept as the baseline for the empty=absent
 * run ({@link EmptyContract}), where the empty value must come back as it was sent.
 */
final class SeenCheck {
    /** The drivers that print SEEN lines; for the others there is nothing to check. */
    private static final Set<String> REPORTING = Set.of(NettyDriver.class.getName(), Netty5Driver.class.getName(),
            ReactorNettyDriver.class.getName(), JavaWebSocketDriver.class.getName());
    private static final String HEADERS = "headers=";
    private static final String PROTOCOLS = "protocols=";
    /** The SEEN lines without the agent, by {@link #key}: the baseline for the empty=absent run. */
    private static final Map<String, Map<String, String>> BASELINES = new ConcurrentHashMap<>();

    private SeenCheck() {
    }

    static String key(Jdks.Jdk jdk, List<Path> classpath, String driver) {
        return jdk + "|" + classpath + "|" + driver;
    }

    /** The SEEN lines of a run: mode:case -> what. */
    static Map<String, String> seen(Fork.Result result) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line : result.stderr()) {
            if (line.startsWith("SEEN ")) {
                String[] parts = line.split(" ", 3);
                seen.put(parts[1], parts.length > 2 ? parts[2] : "");
            }
        }
        return seen;
    }

    /** The contract's checks (the agent with its defaults), and the baseline kept for the empty=absent run. */
    static List<Executable> contract(String driver, String key, Fork.Result plain, Fork.Result withAgent,
                                     Map<String, String> outcomesWithAgent) {
        Map<String, String> before = seen(plain);
        BASELINES.put(key, before);
        return checks(driver, before, withAgent, outcomesWithAgent, false);
    }

    /** The empty=absent run's checks: the empty value, rescued, is given back as it was sent. */
    static List<Executable> emptyAbsent(String driver, String key, Fork.Result run, Map<String, String> outcomes) {
        Map<String, String> before = BASELINES.getOrDefault(key, Map.of());
        List<Executable> checks = checks(driver, before, run, outcomes, true);
        if (REPORTING.contains(driver)) {
            checks.add(() -> assertFalse(before.isEmpty(), "SEEN lines of the run without the agent, as the"
                    + " baseline for empty=absent (Contract.check runs first, same JDK and class path)"));
        }
        return checks;
    }

    private static List<Executable> checks(String driver, Map<String, String> before, Fork.Result run,
                                           Map<String, String> outcomes, boolean emptyRescued) {
        List<Executable> checks = new ArrayList<>();
        if (!REPORTING.contains(driver)) {
            return checks;
        }
        Map<String, String> after = seen(run);
        for (Map.Entry<String, String> outcome : outcomes.entrySet()) {
            String key = outcome.getKey();
            Case c = Case.valueOf(key.substring(key.indexOf(':') + 1));
            if (!Seen.applies(c)) {
                continue;
            }
            boolean rescued = c.rescued || (emptyRescued && c == Case.EMPTY_VALUE);
            String seen = after.get(key);
            String context = "\nwithout agent: " + before.get(key) + "\n" + run.describe();
            if (rescued && outcome.getValue().startsWith("OK ")) {
                checks.add(() -> assertNotNull(seen, key + ": what the application sees after a rescued handshake"
                        + " (a SEEN line)" + context));
            }
            if (seen == null) {
                continue;
            }
            if (seen.startsWith(PROTOCOLS)) {
                checks.add(() -> assertEquals(PROTOCOLS + c.offerList(), seen,
                        key + ": the draft's protocols after the handshake are the application's own" + context));
            }
            if (seen.startsWith(HEADERS) && c.rescued) {
                checks.add(() -> assertFalse(seen.toLowerCase(Locale.ROOT).matches(".*[\\[ ]sec-websocket-protocol:.*"),
                        key + ": a rescued response's headers hold no Sec-WebSocket-Protocol afterwards, was: " + seen
                                + context));
            }
            if (before.containsKey(key)) {
                checks.add(() -> assertEquals(before.get(key), seen,
                        key + ": what the application sees after the handshake, as without the agent" + context));
            }
        }
        return checks;
    }
}
