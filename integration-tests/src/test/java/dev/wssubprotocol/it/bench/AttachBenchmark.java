package dev.wssubprotocol.it.bench;

import com.sun.tools.attach.VirtualMachine;
import dev.wssubprotocol.it.attach.TargetJvm;
import dev.wssubprotocol.it.driver.AttachTarget;
import dev.wssubprotocol.it.driver.NettyDriver;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.RawServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a runtime attach costs, on a JVM that already runs Netty (one handshake done, so the handshaker class is
 * loaded): from {@code VirtualMachine.attach(pid)} until the target reports the class patched (its status
 * property, read back over the attach connection) for this agent, until {@code loadAgent} returns for the empty
 * agent; and the whole {@code java -jar ws-subprotocol-agent.jar attach <pid>} command as an operator runs it.
 * A fresh target JVM per run; the variants interleaved. The attaching side is this JVM (JDK 17) for both target
 * JDKs. Run by ./benchmark.sh; not part of the tests.
 */
public final class AttachBenchmark {
    private static final String STATUS = "ws.subprotocol.agent.status";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path emptyAgent = EmptyAgent.jar(Files.createTempDirectory("bench"));
        List<Path> classpath = new ArrayList<>(List.of(Fork.DRIVERS));
        classpath.addAll(Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final"));
        try (RawServer server = new RawServer()) {
            for (Jdks.Jdk jdk : Jdks.all()) {
                double[][] seconds = new double[3][runs];
                for (int i = 0; i < runs; i++) {
                    seconds[0][i] = once(jdk, classpath, server, t -> loadAgent(t, emptyAgent, false));
                    seconds[1][i] = once(jdk, classpath, server, t -> loadAgent(t, Fork.AGENT_JAR, true));
                    seconds[2][i] = once(jdk, classpath, server, AttachBenchmark::command);
                }
                System.out.printf(Locale.ROOT, "%n#### Runtime attach into a JVM running Netty, %s, %d interleaved runs"
                        + " per variant, medians%n%n| variant | seconds |%n| --- | --- |%n", jdk, runs);
                System.out.printf(Locale.ROOT, "| empty agent: attach + loadAgent | %.3f |%n",
                        StartupBenchmark.median(seconds[0]));
                System.out.printf(Locale.ROOT, "| this agent: attach + loadAgent until the target reports patched "
                        + "| %.3f |%n", StartupBenchmark.median(seconds[1]));
                System.out.printf(Locale.ROOT, "| this agent: the whole `java -jar ws-subprotocol-agent.jar attach"
                        + " <pid>` command (a JVM of its own) | %.3f |%n", StartupBenchmark.median(seconds[2]));
            }
        }
    }

    interface Attach {
        double seconds(TargetJvm target) throws Exception;
    }

    /** A fresh target with the handshaker loaded; the measured attach; then proof that the case is rescued. */
    private static double once(Jdks.Jdk jdk, List<Path> classpath, RawServer server, Attach attach)
            throws Exception {
        // the flag exists from JDK 21 on (JEP 451) in every build; Java 8 refuses to start with it
        List<String> options = jdk.major() >= 21 ? List.of("-XX:+EnableDynamicAgentLoading") : List.of();
        try (TargetJvm target = TargetJvm.start(jdk, options, classpath,
                AttachTarget.class.getName(), NettyDriver.class.getName(), server.base() + "/omit")) {
            String before = target.send("try");
            if (!before.startsWith("TRY FAIL")) {
                throw new IllegalStateException("unexpected before the attach: " + before);
            }
            double seconds = attach.seconds(target);
            return seconds;
        }
    }

    private static double loadAgent(TargetJvm target, Path jar, boolean untilPatched) throws Exception {
        long start = System.nanoTime();
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(target.pid));
        try {
            try {
                vm.loadAgent(jar.toString());
            } catch (com.sun.tools.attach.AgentLoadException e) {
                // a Java 8 JVM answers a load with a bare "0", which JDK 9+ clients read as this error (the agent
                // is loaded: the loop below sees its status)
                if (!"0".equals(e.getMessage()) && !String.valueOf(e.getMessage()).endsWith(": 0")) {
                    throw e;
                }
            }
            if (untilPatched) {
                while (!String.valueOf(vm.getSystemProperties().getProperty(STATUS)).contains("patched=netty:")) {
                    Thread.sleep(1);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (untilPatched && !target.send("try").startsWith("TRY OK")) {
                throw new IllegalStateException("attached, but the case is not rescued");
            }
            return seconds;
        } finally {
            vm.detach();
        }
    }

    private static double command(TargetJvm target) throws Exception {
        long start = System.nanoTime();
        // the command runs on the JDK that runs the benchmark, as an operator's host JDK would
        Fork.Result result = Fork.exec(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Fork.AGENT_JAR.toString(), "attach", String.valueOf(target.pid)));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.exitCode() != 0 || !String.join("\n", result.stdout()).contains(": attached; ")) {
            throw new IllegalStateException(result.describe());
        }
        if (!target.send("try").startsWith("TRY OK")) {
            throw new IllegalStateException("attached, but the case is not rescued");
        }
        return seconds;
    }
}
