package dev.wssubprotocol.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A forked JVM, started as an operator would: plain {@code java}, optionally with {@code -javaagent}. */
public final class Fork {
    public static final Path AGENT_JAR = Paths.get(System.getProperty("ws.it.agentJar",
            "../agent/target/ws-subprotocol-agent.jar")).toAbsolutePath().normalize();
    public static final Path DRIVERS = Paths.get(System.getProperty("ws.it.drivers", "target/classes"));
    private static final long TIMEOUT_SECONDS = 180;

    public record Result(int exitCode, List<String> stdout, List<String> stderr) {
        public String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", stdout) + "\n--- stderr\n"
                    + String.join("\n", stderr);
        }

        public List<String> agentLines() {
            return stderr.stream().filter(l -> l.startsWith("[ws-subprotocol-agent]")).collect(Collectors.toList());
        }
    }

    private Fork() {
    }

    /**
     * @param agentOptions null: no agent; "" : -javaagent with no options; else -javaagent:jar=options
     */
    public static Result run(Jdks.Jdk jdk, String agentOptions, List<Path> classpath, String mainClass,
                             String... args) {
        return exec(command(jdk, agentOptions, classpath, mainClass, args));
    }

    /** @param jvmOptions options put before the agent's, e.g. {@link #CLIENT_COMPILER_ONLY} */
    public static Result run(Jdks.Jdk jdk, List<String> jvmOptions, String agentOptions, List<Path> classpath,
                             String mainClass, String... args) {
        List<String> command = command(jdk, agentOptions, classpath, mainClass, args);
        command.addAll(1, jvmOptions);
        return exec(command);
    }

    /**
     * For the contract's short-lived drivers: JIT compilation by C1 only. The contract compares what the client
     * reports and throws, which no compiler tier changes; C2 spends about a quarter of these JVMs' CPU time
     * (measured on Netty, Akka HTTP, Pekko HTTP and Jetty drivers) on code that runs a few times. And the serial
     * collector, which starts no GC worker threads: AkkaHttpIT and JettyIT on JDK 17 took 1 min 51.5 s of CPU
     * (user) with the JDK's default collector and 1 min 46.9 s with this one ({@code time mvn -B -o -q verify -pl
     * integration-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AkkaHttpIT,JettyIT
     * -Dws.it.majors=17}, one run each).
     */
    public static final List<String> CLIENT_COMPILER_ONLY = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public static List<String> command(Jdks.Jdk jdk, String agentOptions, List<Path> classpath, String mainClass,
                                       String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-Xshare:auto");
        if (agentOptions != null) {
            command.add("-javaagent:" + AGENT_JAR + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.add("-cp");
        command.add(classpath(classpath));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    public static String classpath(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    public static Result exec(List<String> command) {
        return exec(command, Map.of());
    }

    /**
     * A process of this test run's: the agent's own variables and JAVA_TOOL_OPTIONS of the environment the build
     * runs in are removed, so only what the test passes reaches the JVM.
     */
    public static ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("WS_SUBPROTOCOL_AGENT_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        return builder;
    }

    /** Runs a command with the agent's own variables and JAVA_TOOL_OPTIONS removed, then {@code env} added. */
    public static Result exec(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("fork", ".out");
            Path err = Files.createTempFile("fork", ".err");
            try {
                ProcessBuilder builder = processBuilder(command)
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("forked JVM did not finish within " + TIMEOUT_SECONDS + " s: " + command
                            + "\n" + Files.readString(out) + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                        Files.readAllLines(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
