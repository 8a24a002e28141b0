package dev.wssubprotocol.it.support;

import dev.wssubprotocol.it.driver.Case;
import dev.wssubprotocol.it.driver.Driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The option empty=absent, for a library that rejects an empty Sec-WebSocket-Protocol: after {@link Contract#check}
 * (which runs the agent with its defaults, where the empty value ends as without the agent), the same driver runs
 * with {@code empty=absent}. There the empty value is rescued like a missing header, and every other case ends
 * exactly as with the defaults.
 */
public final class EmptyContract {
    private EmptyContract() {
    }

    /**
     * @param withDefaults the outcomes {@link Contract#check} returned (the agent with its default options)
     * @param library      the class path Contract.check ran with (the drivers' folder is put first)
     */
    public static void check(Contract.Target target, Jdks.Jdk jdk, List<Path> library,
                             Map<String, String> withDefaults) {
        check(target, jdk, library, List.of(), withDefaults);
    }

    /** @param driverFirst class path entries put before the drivers, as for {@link Contract#check} */
    public static void check(Contract.Target target, Jdks.Jdk jdk, List<Path> library, List<Path> driverFirst,
                             Map<String, String> withDefaults) {
        List<Path> classpath = new ArrayList<>(driverFirst);
        classpath.add(Fork.DRIVERS);
        classpath.addAll(library);
        Fork.Result run = Fork.run(jdk, Fork.CLIENT_COMPILER_ONLY, "empty=absent", classpath, target.driver().getName(),
                Contract.serverArgs(target.modes()));
        Map<String, String> absent = Contract.outcomes(run);
        String context = "\nwith empty=absent: " + run.describe();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, run.exitCode(), "exit code" + context));
        checks.add(() -> assertEquals(withDefaults.size(), absent.size(), "cases reported" + context));
        checks.add(() -> assertTrue(run.stderr().stream().anyMatch(l -> l.startsWith("STATUS ")
                && l.contains(";empty=absent;")), "status names empty=absent" + context));
        String rescued = "OK subprotocol=" + target.none() + " echo=" + Driver.MESSAGE;
        for (Map.Entry<String, String> entry : withDefaults.entrySet()) {
            String key = entry.getKey();
            Case c = Case.valueOf(key.substring(key.indexOf(':') + 1));
            if (c == Case.EMPTY_VALUE) {
                checks.add(() -> assertTrue(entry.getValue().startsWith("FAIL "),
                        key + " must fail with the default empty=reject (the library rejects it): " + entry.getValue()));
                checks.add(() -> assertEquals(rescued, absent.get(key), key + " with empty=absent" + context));
            } else {
                checks.add(() -> assertEquals(entry.getValue(), absent.get(key),
                        key + ": empty=absent must not change this outcome" + context));
            }
        }
        checks.addAll(SeenCheck.emptyAbsent(target.driver().getName(),
                SeenCheck.key(jdk, classpath, target.driver().getName()), run, absent));
        assertAll(target.driver().getSimpleName() + " with empty=absent on " + jdk, checks);
    }
}
