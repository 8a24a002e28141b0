package dev.wssubprotocol.it.support;

import dev.wssubprotocol.it.driver.Case;
import dev.wssubprotocol.it.driver.Driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential contract, for one client library version on one JDK: every case runs in a forked JVM without
 * the agent and in one with it. Only the missing-header cases may differ, and there the client must connect,
 * echo, and report no subprotocol; every other case must end with exactly the same outcome and message.
 */
public final class Contract {
    private static final RawServer RAW;
    private static final LibraryServer LIBRARY;
    /** Starts and waits for the forked JVMs without the agent. */
    private static final ExecutorService FORKS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fork-without-agent");
        thread.setDaemon(true);
        return thread;
    });

    static {
        try {
            RAW = new RawServer();
            LIBRARY = new LibraryServer();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What one library is, for the contract. */
    public record Target(
            /** the library as the README's compatibility table names it */
            String library,
            /** where the application reads the subprotocol, for the table, e.g. "`actualSubprotocol()`" */
            String reportedBy,
            /** the patch id the agent reports */
            String patch,
            /** the class the agent must report as patched */
            String patchedClass,
            /** the driver's main class */
            Class<? extends Driver> driver,
            /** the driver's modes, comma-separated */
            String modes,
            /** what the driver prints for "no subprotocol" as this library reports it: null, "", Optional.empty */
            String none) {
    }

    private Contract() {
    }

    /** The driver arguments that point it at this JVM's test servers. */
    public static String[] serverArgs(String modes) {
        if (List.of(modes.split(",")).contains("http2")) {
            return new String[] {RAW.base(), LIBRARY.base(), modes, Http2Server.base()};
        }
        return new String[] {RAW.base(), LIBRARY.base(), modes};
    }

    /**
     * Runs the contract and returns the outcomes with the agent, keyed by mode:case. When it passes, the result
     * is recorded for the README's compatibility table.
     */
    public static Map<String, String> check(Target target, String version, Jdks.Jdk jdk, List<Path> library) {
        return check(target, version, jdk, library, List.of());
    }

    /**
     * @param driverFirst class path entries put before the drivers, e.g. a driver moved onto a relocated library
     *                    by {@link Relocation}
     */
    public static Map<String, String> check(Target target, String version, Jdks.Jdk jdk, List<Path> library,
                                            List<Path> driverFirst) {
        List<Path> classpath = new ArrayList<>(driverFirst);
        classpath.add(Fork.DRIVERS);
        classpath.addAll(library);
        Runs runs = runs(jdk, classpath, target.driver().getName(), target.modes(), true);
        Fork.Result plainResult = runs.plain();
        Fork.Result patchedRun = runs.withAgent();
        Map<String, String> plain = outcomes(plainResult);
        Map<String, String> patched = outcomes(patchedRun);
        String context = "\nwithout agent: " + plainResult.describe() + "\nwith agent: " + patchedRun.describe();

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, plainResult.exitCode(), "exit code without agent" + context));
        checks.add(() -> assertEquals(0, patchedRun.exitCode(), "exit code with agent" + context));
        checks.add(() -> assertEquals(List.of(), plainResult.agentLines(), "agent lines without agent"));
        checks.add(() -> assertTrue(patchedRun.stderr().contains(
                AgentOutput.startLine()), "start line" + context));
        checks.add(() -> assertTrue(patchedRun.agentLines().stream().anyMatch(l -> l.startsWith(
                "[ws-subprotocol-agent] patched " + target.patch() + ": " + target.patchedClass() + " (loader: ")),
                "patched line" + context));
        checks.add(() -> assertTrue(patchedRun.agentLines().stream().noneMatch(l -> l.contains("WARNING")
                || l.contains("ERROR")), "agent warnings or errors" + context));
        int expected = target.modes().split(",").length * Case.values().length;
        checks.add(() -> assertEquals(expected, plain.size(), "cases reported without agent" + context));
        checks.add(() -> assertEquals(expected, patched.size(), "cases reported with agent" + context));
        // nothing but the driver's own lines on stdout: the agent never writes there
        checks.add(() -> assertEquals(expected, patchedRun.stdout().size(), "stdout lines with agent" + context));

        long rescued = patched.entrySet().stream().filter(e -> e.getValue().startsWith("OK ")
                && Case.valueOf(e.getKey().substring(e.getKey().indexOf(':') + 1)).rescued).count();
        checks.add(() -> assertTrue(plainResult.stderr().contains("STATUS null"), "no status without agent" + context));
        checks.add(() -> assertTrue(patchedRun.stderr().stream().anyMatch(l -> l.startsWith("STATUS version=" + AgentOutput.VERSION + ";active=true;")
                && patchedEntries(l).stream().anyMatch(e -> e.startsWith(target.patch() + ":" + target.patchedClass() + "@"))
                && l.endsWith(";rescued=" + rescued)), "status with agent: rescued=" + rescued + context));
        String rescuedOutcome = "OK subprotocol=" + target.none() + " echo=" + Driver.MESSAGE;
        for (Map.Entry<String, String> entry : plain.entrySet()) {
            String key = entry.getKey();
            Case c = Case.valueOf(key.substring(key.indexOf(':') + 1));
            String before = entry.getValue();
            String after = patched.get(key);
            if (c.rescued) {
                checks.add(() -> assertTrue(before.startsWith("FAIL "),
                        key + " must fail without the agent (the library is strict), was: " + before));
                checks.add(() -> assertEquals(rescuedOutcome, after, key + " with the agent"));
            } else {
                checks.add(() -> assertEquals(before, after, key + ": the agent must not change this outcome"));
            }
        }
        // positive controls: each unchanged case ends as the library is known to end it, on both sides (Expected)
        checks.addAll(Expected.checks(target, version, plain, patched));
        // what the application sees of the response and the draft afterwards (SeenCheck)
        checks.addAll(SeenCheck.contract(target.driver().getName(),
                SeenCheck.key(jdk, classpath, target.driver().getName()), plainResult, patchedRun, patched));
        // the fork without the agent, once it has run every case, is attached at run time and runs them again
        checks.addAll(AttachedRun.checks(target, jdk, runs.attached(), patched, rescued));
        assertAll(target.driver().getSimpleName() + " on " + jdk, checks);
        Compatibility.record(new Compatibility.Row(target.library(), version, jdk.major(), true, true,
                target.reportedBy() + " == " + target.none()));
        return patched;
    }

    /** The status line's patched classes (library:class@loader, separated by '|'). */
    private static List<String> patchedEntries(String status) {
        int start = status.indexOf(";patched=");
        if (start < 0) {
            return List.of();
        }
        String value = status.substring(start + ";patched=".length());
        int end = value.indexOf(';');
        return List.of((end < 0 ? value : value.substring(0, end)).split("\\|"));
    }

    /**
     * One driver run twice on the same servers, at the same time: without the agent and with it; with
     * {@code attached}, the one without the agent then attached at run time ({@link AttachedRun}), else null.
     */
    record Runs(Fork.Result plain, Fork.Result withAgent, AttachedRun.Result attached) {
    }

    static Runs runs(Jdks.Jdk jdk, List<Path> classpath, String driver, String modes) {
        return runs(jdk, classpath, driver, modes, false);
    }

    static Runs runs(Jdks.Jdk jdk, List<Path> classpath, String driver, String modes, boolean attach) {
        String[] args = serverArgs(modes);
        // a thread of its own: the common pool has one thread on a 2-core machine, and two tests run at once
        CompletableFuture<AttachedRun.Result> plain = CompletableFuture.supplyAsync(() -> attach
                ? AttachedRun.run(jdk, Fork.CLIENT_COMPILER_ONLY, classpath, driver, args)
                : new AttachedRun.Result(0, Fork.run(jdk, Fork.CLIENT_COMPILER_ONLY, null, classpath, driver, args),
                        null, null), FORKS);
        Fork.Result withAgent = Fork.run(jdk, Fork.CLIENT_COMPILER_ONLY, "", classpath, driver, args);
        AttachedRun.Result run = plain.join();
        return new Runs(run.plain(), withAgent, attach ? run : null);
    }

    /** The driver's CASE lines: mode:case -> outcome. */
    static Map<String, String> outcomes(Fork.Result result) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String line : result.stdout()) {
            if (line.startsWith("CASE ")) {
                String[] parts = line.split(" ", 3);
                outcomes.put(parts[1], parts.length > 2 ? parts[2] : "");
            }
        }
        return outcomes;
    }
}
