package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.it.driver.Case;
import dev.wssubprotocol.it.driver.Hello;
import dev.wssubprotocol.it.driver.NettyDriver;
import dev.wssubprotocol.it.support.AgentOutput;
import dev.wssubprotocol.it.support.Contract;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an application that carries the agent sees, whether or not it uses a WebSocket library. */
class HostApplicationIT {
    private static final String START = AgentOutput.startLine();

    static List<Jdks.Jdk> jdks() {
        return Jdks.all();
    }

    private static List<Path> hello() {
        return List.of(Fork.DRIVERS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anApplicationWithoutWebSocketsRunsUnchangedAndSeesOnlyTheStartLine(Jdks.Jdk jdk) {
        Fork.Result result = Fork.run(jdk, "", hello(), Hello.class.getName());
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals(List.of("hello"), result.stdout());
        assertEquals(List.of(START), result.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void logQuietPrintsNothing(Jdks.Jdk jdk) {
        Fork.Result result = Fork.run(jdk, "log=quiet", hello(), Hello.class.getName());
        assertEquals(List.of("hello"), result.stdout());
        assertEquals(List.of(), result.stderr());
    }

    /** Each kind of bad option: one error line naming it and the valid choices; the application runs normally. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aBadOptionPrintsOneErrorAndTheApplicationStillRuns(Jdks.Jdk jdk) {
        String valid = String.join(", ", AgentOutput.PATCH_IDS);
        String inactive = "; the agent stays inactive and changes nothing";
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("-javaagent:" + Fork.AGENT_JAR + "=mode=fix"),
                "bad value 'fix' for option 'mode' (valid: [patch, report])");
        cases.put(List.of("-javaagent:" + Fork.AGENT_JAR + "=colour=red"),
                "unknown option 'colour' (valid keys: [patches, exclude, mode, log, empty])");
        cases.put(List.of("-javaagent:" + Fork.AGENT_JAR + "=patches=netty,jetty"),
                "unknown patch 'jetty' in option 'patches' (valid: [" + valid + "] or all)");
        cases.put(List.of("-javaagent:" + Fork.AGENT_JAR + "=quiet"),
                "malformed agent argument 'quiet' (expected key=value; valid keys: [patches, exclude, mode, log, empty])");
        cases.put(List.of("-Dws.subprotocol.agent.level=debug", "-javaagent:" + Fork.AGENT_JAR),
                "unknown system property -Dws.subprotocol.agent.level (valid keys: [patches, exclude, mode, log, empty])");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> command = new ArrayList<>(List.of(jdk.java().toString()));
            command.addAll(c.getKey());
            command.addAll(List.of("-cp", Fork.classpath(hello()), Hello.class.getName()));
            Fork.Result result = Fork.exec(command);
            assertEquals(0, result.exitCode(), result.describe());
            assertEquals(List.of("hello"), result.stdout(), c.getKey().toString());
            assertEquals(List.of(AgentOutput.PREFIX + "ERROR: " + c.getValue() + inactive), result.stderr());
        }
        Fork.Result env = Fork.exec(Fork.command(jdk, "", hello(), Hello.class.getName()),
                Map.of("WS_SUBPROTOCOL_AGENT_MODE", "fix"));
        assertEquals(List.of("hello"), env.stdout());
        assertEquals(List.of(AgentOutput.PREFIX + "ERROR: bad value 'fix' for option 'mode' (valid: [patch, report])"
                + inactive), env.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void javaToolOptionsLoadsTheAgentAndEnvironmentOptionsApply(Jdks.Jdk jdk) {
        Fork.Result result = Fork.exec(Fork.command(jdk, null, hello(), Hello.class.getName()),
                Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + Fork.AGENT_JAR, "WS_SUBPROTOCOL_AGENT_EXCLUDE", "netty"));
        assertEquals(List.of("hello"), result.stdout());
        assertEquals(List.of("Picked up JAVA_TOOL_OPTIONS: -javaagent:" + Fork.AGENT_JAR,
                AgentOutput.startLine(AgentOutput.PATCH_IDS.stream().filter(id -> !id.equals("netty"))
                        .toArray(String[]::new))), result.stderr());
    }

    /** Netty 4.1.140's own client, every case by hand (handshaker mode); agentOptions null: no agent. */
    private static Fork.Result netty(Jdks.Jdk jdk, String agentOptions) {
        List<Path> classpath = new ArrayList<>(List.of(Fork.DRIVERS));
        classpath.addAll(Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final"));
        return Fork.run(jdk, agentOptions, classpath, NettyDriver.class.getName(), Contract.serverArgs("handshaker"));
    }

    /** A library switched off is left exactly as it is without the agent, every case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPatchSwitchedOffChangesNothing(Jdks.Jdk jdk) {
        Fork.Result plain = netty(jdk, null);
        Fork.Result off = netty(jdk, "patches=java-websocket");
        assertEquals(Case.values().length, plain.stdout().size(), plain.describe());
        assertEquals(plain.stdout(), off.stdout());
        assertEquals(List.of(AgentOutput.startLine("java-websocket")), off.agentLines());
        assertTrue(plain.stdout().get(0).startsWith("CASE handshaker:OFFERED_OMITTED FAIL "), plain.describe());
    }

    /** mode=report: every outcome as without the agent, and a line for each handshake it would rescue. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void reportModeChangesNothingAndSaysWhatItWouldRescue(Jdks.Jdk jdk) {
        String[] args = Contract.serverArgs("handshaker");
        Fork.Result plain = netty(jdk, null);
        Fork.Result report = netty(jdk, "mode=report");
        assertEquals(Case.values().length, plain.stdout().size(), plain.describe());
        assertEquals(plain.stdout(), report.stdout());
        List<String> lines = report.agentLines();
        assertEquals(AgentOutput.startLine().replace(" active:", " active (report only):"), lines.get(0));
        String raw = args[0];
        // every handshake that offered subprotocols and got no header; with a bad accept key or no Upgrade
        // header it would still have failed, which report mode cannot know before the library's own checks run
        assertEquals(List.of(
                "[ws-subprotocol-agent] report: would rescue netty handshake with " + raw + "/omit, offered: chat, superchat, server selected none",
                "[ws-subprotocol-agent] report: would rescue netty handshake with " + args[1] + "/, offered: chat, superchat, server selected none",
                "[ws-subprotocol-agent] report: would rescue netty handshake with " + raw + "/omit-bad-accept, offered: chat, superchat, server selected none",
                "[ws-subprotocol-agent] report: would rescue netty handshake with " + raw + "/omit-no-upgrade, offered: chat, superchat, server selected none"),
                lines.stream().filter(l -> l.contains("report:")).toList());
        assertTrue(report.stderr().stream().anyMatch(l -> l.startsWith("STATUS ") && l.contains(";mode=report;")
                && l.endsWith(";rescued=0")), report.describe());
    }
}
