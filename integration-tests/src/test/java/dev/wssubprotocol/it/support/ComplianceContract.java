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
 * The contract for a client that already follows RFC 6455 §4.1, for one version on one JDK: every case runs in a
 * forked JVM without the agent and in one with it. Without the agent the missing-header cases already connect,
 * echo, and report no subprotocol; with the agent every case ends exactly as without it, and the agent says
 * nothing but its start line: it transformed none of the client's classes.
 * (For strict clients, which the agent patches, see {@link Contract}.)
 */
public final class ComplianceContract {
    /** What one compliant client is, for the contract. */
    public record Target(
            /** the driver's main class */
            String driver,
            /** the driver's modes, comma-separated */
            String modes,
            /** what the driver prints for "no subprotocol" as this client reports it: null, "" */
            String none,
            /** a line the driver prints on stderr in both runs (which implementation it ran), or null */
            String stderrLine,
            /**
             * the start of the one agent line expected after the start line, or null: a library version the agent
             * knows but leaves alone because it is not strict ("not needed for ...")
             */
            String agentLine,
            /**
             * a rescued case this client cannot complete for a reason that has nothing to do with the subprotocol,
             * or null; it must then fail, without the agent and with it, with a message that starts with
             * {@link #otherFailureStart}
             */
            Case otherFailure,
            String otherFailureStart) {

        public Target(Class<? extends Driver> driver, String modes, String none) {
            this(driver.getName(), modes, none, null, null, null, null);
        }

        public Target(String driver, String modes, String none, String stderrLine) {
            this(driver, modes, none, stderrLine, null, null, null);
        }

        public Target withStderrLine(String line) {
            return new Target(driver, modes, none, line, agentLine, otherFailure, otherFailureStart);
        }

        public Target withAgentLine(String start) {
            return new Target(driver, modes, none, stderrLine, start, otherFailure, otherFailureStart);
        }

        /** {@code c} fails whatever the agent does, with a FAIL line that starts with "FAIL " + {@code start}. */
        public Target withOtherFailure(Case c, String start) {
            return new Target(driver, modes, none, stderrLine, agentLine, c, start);
        }
    }

    private ComplianceContract() {
    }

    /**
     * Runs the contract and returns the outcomes without the agent, keyed by mode:case.
     *
     * @param library the client's class path (the drivers' own folder is put first)
     */
    public static Map<String, String> check(Target target, Jdks.Jdk jdk, List<Path> library) {
        return check(null, null, null, target, jdk, library);
    }

    /**
     * The same, and when it passes the result is recorded for the README's compatibility table.
     *
     * @param name       the client as the table names it
     * @param reportedBy where the application reads the subprotocol, e.g. "`Session.getNegotiatedSubprotocol()`"
     * @param version    the client's version (or the JDK's, for the JDK's own client)
     */
    public static Map<String, String> check(String name, String reportedBy, String version, Target target,
                                            Jdks.Jdk jdk, List<Path> library) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(Fork.DRIVERS);
        classpath.addAll(library);
        Contract.Runs runs = Contract.runs(jdk, classpath, target.driver(), target.modes());
        Fork.Result plainResult = runs.plain();
        Fork.Result agentRun = runs.withAgent();
        Map<String, String> plain = Contract.outcomes(plainResult);
        Map<String, String> withAgent = Contract.outcomes(agentRun);
        String context = "\nwithout agent: " + plainResult.describe() + "\nwith agent: " + agentRun.describe();

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, plainResult.exitCode(), "exit code without agent" + context));
        checks.add(() -> assertEquals(0, agentRun.exitCode(), "exit code with agent" + context));
        checks.add(() -> assertEquals(List.of(), plainResult.agentLines(), "agent lines without agent" + context));
        // the start line and nothing else: no "patched" line (no class transformed), no warning, no error
        if (target.agentLine() == null) {
            checks.add(() -> assertEquals(List.of(AgentOutput.startLine()), agentRun.agentLines(),
                    "agent lines with agent" + context));
        } else { // and the one line that says why a class the agent knows was left alone
            checks.add(() -> assertEquals(2, agentRun.agentLines().size(), "agent lines with agent" + context));
            checks.add(() -> assertEquals(AgentOutput.startLine(), agentRun.agentLines().get(0), "start line" + context));
            checks.add(() -> assertTrue(agentRun.agentLines().get(agentRun.agentLines().size() - 1)
                    .startsWith(target.agentLine()), "agent line with agent" + context));
        }
        checks.add(() -> assertTrue(plainResult.stderr().contains("STATUS null"), "no status without agent" + context));
        checks.add(() -> assertTrue(agentRun.stderr().stream().anyMatch(l -> l.startsWith(
                "STATUS version=" + AgentOutput.VERSION + ";active=true;") && l.endsWith(";patched=;rescued=0")),
                "status with agent: nothing patched, nothing rescued" + context));
        if (target.stderrLine() != null) {
            checks.add(() -> assertTrue(plainResult.stderr().contains(target.stderrLine()),
                    "stderr without agent names " + target.stderrLine() + context));
            checks.add(() -> assertTrue(agentRun.stderr().contains(target.stderrLine()),
                    "stderr with agent names " + target.stderrLine() + context));
        }
        int expected = target.modes().split(",").length * Case.values().length;
        checks.add(() -> assertEquals(expected, plain.size(), "cases reported without agent" + context));
        checks.add(() -> assertEquals(expected, withAgent.size(), "cases reported with agent" + context));
        // nothing but the driver's CASE lines on stdout, in either run: the agent never writes there
        checks.add(() -> assertEquals(List.of(), otherLines(plainResult), "stdout without agent" + context));
        checks.add(() -> assertEquals(List.of(), otherLines(agentRun), "stdout with agent" + context));
        checks.add(() -> assertEquals(expected, agentRun.stdout().size(), "stdout lines with agent" + context));

        String connected = "OK subprotocol=" + target.none() + " echo=" + Driver.MESSAGE;
        for (Map.Entry<String, String> entry : plain.entrySet()) {
            String key = entry.getKey();
            Case c = Case.valueOf(key.substring(key.indexOf(':') + 1));
            String before = entry.getValue();
            String after = withAgent.get(key);
            if (c.rescued && c == target.otherFailure()) {
                checks.add(() -> assertTrue(before.startsWith("FAIL " + target.otherFailureStart()),
                        key + " fails for another reason: " + target.otherFailureStart() + context));
            } else if (c.rescued) {
                checks.add(() -> assertEquals(connected, before, key + " must already connect without the agent"
                        + " (a FAIL means this client is strict: it needs a patch and the differential Contract)"
                        + context));
            }
            checks.add(() -> assertEquals(before, after, key + ": the agent must not change this outcome" + context));
        }
        assertAll(target.driver().substring(target.driver().lastIndexOf('.') + 1) + " on " + jdk, checks);
        if (name != null) {
            Compatibility.record(new Compatibility.Row(name, version, jdk.major(), false, false,
                    reportedBy + " == " + target.none()));
        }
        return plain;
    }

    private static List<String> otherLines(Fork.Result result) {
        return result.stdout().stream().filter(l -> !l.startsWith("CASE ")).toList();
    }
}
