package dev.wssubprotocol.it.support;

import dev.wssubprotocol.it.driver.Case;
import dev.wssubprotocol.it.driver.Driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's positive controls: what each case that the agent leaves alone must show, on both sides, so that
 * a server path or a driver broken the same way with and without the agent cannot pass as "unchanged". The
 * default is {@link Case#expected}; a library that departs from it is listed here, with why, for the driver modes
 * and versions that do (found in the runs: every override below is what each side printed, on JDK 17, for every
 * version each contract test runs).
 */
final class Expected {
    /**
     * One departure from {@link Case#expected}.
     *
     * @param driver   the driver's simple name
     * @param mode     the driver mode it holds for, or null for every mode
     * @param versions the library versions it holds for
     * @param expected an exact outcome line, or {@link Case#FAILS}
     */
    record Override(String driver, String mode, Predicate<String> versions, Case c, String expected, String why) {
    }

    private static final Predicate<String> ALL = v -> true;
    private static final String OK = " echo=" + Driver.MESSAGE;
    private static final String PAHO_NONE = "N/A the client always offers its own subprotocol";
    private static final String PAHO_ANY = "Paho checks only that the header is there, whatever its value";

    static final List<Override> OVERRIDES = List.of(
            new Override("JavaWebSocketDriver", null, ALL, Case.TWO_VALUES, "OK subprotocol=\"chat\"" + OK,
                    "Protocol#acceptProvidedProtocol splits the value at commas; the first known protocol, chat,"
                            + " is one of the tokens"),
            new Override("JavaWebSocketDriver", null, v -> !v.startsWith("1.3.") && !v.startsWith("1.4."),
                    Case.NONE_OFFERED_SERVER_PICK, "OK subprotocol=\"\"" + OK,
                    "offering nothing is the default draft, whose Protocol(\"\") accepts any value from 1.5 on"
                            + " (1.3.7, 1.3.9 and 1.4.1 refuse the handshake)"),
            new Override("AkkaHttpDriver", null, ALL, Case.TWO_VALUES, "OK subprotocol=Optional[chat]" + OK,
                    "accepted, reported as its first token, chat (every tested version and mode)"),
            new Override("AkkaHttpDriver", "offer-first", ALL, Case.OFFERED_SELECTED, Case.FAILS,
                    "before 10.1.10 the Java API offers one subprotocol: the driver offers chat only"),
            new Override("PekkoHttpDriver", null, ALL, Case.TWO_VALUES, "OK subprotocol=Optional[chat]" + OK,
                    "as Akka HTTP, which it forks"),
            new Override("GrizzlyDriver", null, ALL, Case.NONE_OFFERED_SERVER_PICK, "OK subprotocol=[]" + OK,
                    "the subprotocol check runs only when the client offered some"),
            new Override("GrizzlyDriver", null, v -> !v.equals("2.3.19"), Case.TWO_VALUES,
                    "OK subprotocol=[chat, superchat]" + OK,
                    "accepted from 2.3.20 on (both tokens were offered), reported as the list of its tokens"),
            new Override("GrizzlyDriver", null, v -> v.equals("2.3.19"), Case.OFFERED_SELECTED, Case.FAILS,
                    "up to 2.3.19 every value is compared with the header's own name, so every value is rejected"),
            new Override("PahoDriver", null, ALL, Case.OFFERED_SELECTED, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoDriver", null, ALL, Case.UNREQUESTED, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoDriver", null, ALL, Case.TWO_VALUES, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoDriver", null, ALL, Case.EMPTY_VALUE, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoDriver", null, ALL, Case.NONE_OFFERED_OMITTED, PAHO_NONE, "the driver's own line"),
            new Override("PahoDriver", null, ALL, Case.NONE_OFFERED_SERVER_PICK, PAHO_NONE, "the driver's own line"),
            new Override("PahoV5Driver", null, ALL, Case.OFFERED_SELECTED, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoV5Driver", null, ALL, Case.UNREQUESTED, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoV5Driver", null, ALL, Case.TWO_VALUES, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoV5Driver", null, ALL, Case.EMPTY_VALUE, "OK subprotocol=n/a" + OK, PAHO_ANY),
            new Override("PahoV5Driver", null, ALL, Case.NONE_OFFERED_OMITTED, PAHO_NONE, "the driver's own line"),
            new Override("PahoV5Driver", null, ALL, Case.NONE_OFFERED_SERVER_PICK, PAHO_NONE, "the driver's own line"),
            new Override("MicronautDriver", null, ALL, Case.OFFERED_SELECTED, "OK subprotocol=Optional.empty" + OK,
                    "the session given to @OnOpen reports no subprotocol even when the server selected one"));

    private Expected() {
    }

    /** How a library reports the subprotocol "superchat", from how it reports none. */
    static String superchat(String none) {
        switch (none) {
            case "Optional.empty":
                return "Optional[superchat]";
            case "[]":
                return "[superchat]";
            case "n/a":
                return "n/a";
            default: // null, ""
                return "\"superchat\"";
        }
    }

    /** What the driver must report for case {@code c} in this mode, for this target at this version. */
    static String of(Contract.Target target, String version, String mode, Case c) {
        for (Override o : OVERRIDES) {
            if (o.driver().equals(target.driver().getSimpleName()) && o.c() == c
                    && (o.mode() == null || o.mode().equals(mode)) && o.versions().test(version)) {
                return o.expected();
            }
        }
        return c.expected(target.none(), superchat(target.none()));
    }

    /** Every case but the rescued ones, on both sides, against its expected outcome. */
    static List<Executable> checks(Contract.Target target, String version, Map<String, String> plain,
                                   Map<String, String> patched) {
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, String> entry : plain.entrySet()) {
            String key = entry.getKey();
            Case c = Case.valueOf(key.substring(key.indexOf(':') + 1));
            if (c.rescued) {
                continue;
            }
            String expected = of(target, version, key.substring(0, key.indexOf(':')), c);
            checks.add(() -> check(expected, entry.getValue(), key + " without the agent (positive control)"));
            checks.add(() -> check(expected, patched.get(key), key + " with the agent (positive control)"));
        }
        return checks;
    }

    private static void check(String expected, String actual, String what) {
        if (expected.equals(Case.FAILS)) {
            assertTrue(actual != null && actual.startsWith("FAIL "), what + ": expected a failure, was: " + actual);
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
