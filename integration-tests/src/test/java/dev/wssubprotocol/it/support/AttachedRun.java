package dev.wssubprotocol.it.support;

import dev.wssubprotocol.it.driver.Driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's fork without the agent does double duty: once every case has run there (the client classes are
 * loaded and have run, as in a service that is up), the agent's own command line attaches to it
 * ({@code java -jar ws-subprotocol-agent.jar attach <pid>}, on the same JDK, default options), and every case runs
 * again in the same JVM. That second round must end exactly as the run with {@code -javaagent}: the missing-header
 * cases rescued, every other case unchanged. No JVM is started for it but the command's own.
 */
public final class AttachedRun {
    /** What JDK 21 and later print in the target for a dynamic load (JEP 451); not an agent line. */
    public static final String DYNAMIC_AGENT_WARNING = "WARNING: A Java agent has been loaded dynamically";
    /** The agent's default options as the attach command reports them. */
    static final String DEFAULT_OPTIONS = "patches=" + String.join(",", AgentOutput.PATCH_IDS)
            + " mode=patch log=info empty=reject";
    /** both rounds and the attach; Fork allows one round 180 s */
    private static final long TIMEOUT_SECONDS = 300;

    /**
     * @param plain    the target's output up to the attach: exactly what a fork without the agent prints
     * @param attach   the attach command's result, null if the target never asked for it
     * @param attached the target's output after the attach: the second round, its status line, its exit code
     */
    public record Result(long pid, Fork.Result plain, Fork.Result attach, Fork.Result attached) {
        String describe() {
            return "\nbefore the attach: " + plain.describe() + "\nattach command: "
                    + (attach == null ? "not run" : attach.describe()) + "\nafter the attach: " + attached.describe();
        }
    }

    private AttachedRun() {
    }

    /** Runs the driver without the agent, attaches the agent when it has run every case, and lets it run them again. */
    static Result run(Jdks.Jdk jdk, List<String> jvmOptions, List<Path> classpath, String driver, String... args) {
        List<String> command = Fork.command(jdk, null, classpath, driver, args);
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-D" + Driver.ATTACH_ROUND + "=true");
        command.addAll(1, options);
        try {
            Path err = Files.createTempFile("fork", ".err");
            try {
                ProcessBuilder builder = Fork.processBuilder(command).redirectError(err.toFile());
                Process process = builder.start();
                BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
                Thread pump = pump(process, stdout);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                List<String> before = new ArrayList<>();
                Fork.Result attach = null;
                for (String line = next(stdout, process, deadline); line != null; line = next(stdout, process, deadline)) {
                    if (line.startsWith(Driver.READY)) {
                        attach = cli(jdk, "attach", process.pid());
                        try (OutputStream in = process.getOutputStream()) {
                            in.write("go\n".getBytes(StandardCharsets.UTF_8));
                        }
                        break;
                    }
                    before.add(line);
                }
                if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("forked JVM did not finish within " + TIMEOUT_SECONDS + " s: " + command
                            + "\n" + String.join("\n", before) + "\n" + stdout + "\n" + Files.readString(err));
                }
                pump.join(TimeUnit.SECONDS.toMillis(10));
                List<String> after = new ArrayList<>(stdout);
                List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
                int mark = errLines.indexOf(Driver.ATTACH_MARK);
                List<String> errBefore = mark < 0 ? errLines : errLines.subList(0, mark);
                List<String> errAfter = mark < 0 ? List.of() : errLines.subList(mark + 1, errLines.size());
                int exit = process.exitValue();
                return new Result(process.pid(), new Fork.Result(attach == null ? exit : 0, before, errBefore), attach,
                        new Fork.Result(exit, after, errAfter));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -jar ws-subprotocol-agent.jar <args>} on a JDK, as an operator runs it. */
    public static Fork.Result cli(Jdks.Jdk jdk, Object... args) {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-jar", Fork.AGENT_JAR.toString()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return Fork.exec(command);
    }

    /**
     * The checks on the attached round, for the contract's list.
     *
     * @param withAgent the outcomes of the fork started with -javaagent (default options)
     * @param rescued   how many cases that fork rescued
     */
    static List<Executable> checks(Contract.Target target, Jdks.Jdk jdk, Result run, Map<String, String> withAgent,
                                   long rescued) {
        String context = run.describe();
        String entry = target.patch() + ":" + target.patchedClass() + "@";
        Fork.Result attached = run.attached();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(run.attach() != null, "the driver never waited for the attach" + context));
        if (run.attach() == null) {
            return checks;
        }
        Fork.Result attach = run.attach();
        checks.add(() -> assertEquals(0, attach.exitCode(), "attach command's exit code" + context));
        checks.add(() -> assertEquals(List.of(), attach.stderr(), "attach command's stderr" + context));
        checks.add(() -> assertEquals(1, attach.stdout().size(), "attach command's lines" + context));
        String head = "pid " + run.pid() + " (" + target.driver().getName() + ", Java "
                + (jdk.major() == 8 ? "1.8.0" : jdk.major() + ".");
        String line = attach.stdout().isEmpty() ? "" : attach.stdout().get(0);
        checks.add(() -> assertTrue(line.startsWith(head) && line.contains("): attached; active "
                + AgentOutput.VERSION + " (" + DEFAULT_OPTIONS + "); patched: ") && line.endsWith("; rescued: 0")
                && List.of(line.substring(line.indexOf("; patched: ") + "; patched: ".length(),
                        line.lastIndexOf("; rescued: ")).split(", ")).stream().anyMatch(e -> e.startsWith(entry)),
                "attach command's line names " + entry + context));

        Map<String, String> outcomes = Contract.outcomes(attached);
        checks.add(() -> assertEquals(0, attached.exitCode(), "exit code of the attached JVM" + context));
        checks.add(() -> assertEquals(withAgent, outcomes,
                "every case after the attach ends as with -javaagent" + context));
        checks.add(() -> assertEquals(withAgent.size(), attached.stdout().size(),
                "stdout lines after the attach" + context));
        checks.add(() -> assertTrue(attached.stderr().contains(AgentOutput.startLine()), "start line" + context));
        checks.add(() -> assertTrue(attached.agentLines().stream().anyMatch(l -> l.startsWith(
                AgentOutput.PREFIX + "patched " + target.patch() + ": " + target.patchedClass() + " (loader: ")),
                "patched line" + context));
        checks.add(() -> assertTrue(attached.agentLines().stream().noneMatch(l -> l.contains("WARNING")
                || l.contains("ERROR")), "agent warnings or errors" + context));
        // JEP 451: the JVM's own warning for a dynamic load, on 21 and later only; never counted as the agent's
        checks.add(() -> assertEquals(jdk.major() >= 21 ? 1 : 0, attached.stderr().stream()
                .filter(l -> l.startsWith(DYNAMIC_AGENT_WARNING)).count(), "JEP 451 warnings" + context));
        checks.add(() -> assertTrue(attached.stderr().stream().anyMatch(l -> l.startsWith(
                "STATUS version=" + AgentOutput.VERSION + ";active=true;") && l.contains(entry)
                && l.endsWith(";rescued=" + rescued)), "status after the attach: rescued=" + rescued + context));
        return checks;
    }

    private static Thread pump(Process process, BlockingQueue<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sink.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "attached-fork-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The next stdout line, or null once the process has ended and printed everything. */
    private static String next(BlockingQueue<String> stdout, Process process, long deadline)
            throws InterruptedException {
        while (System.nanoTime() < deadline) {
            boolean alive = process.isAlive();
            String line = stdout.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (!alive) {
                Thread.sleep(200); // its last lines may still be on their way through the pump
                return stdout.poll();
            }
        }
        return null;
    }
}
