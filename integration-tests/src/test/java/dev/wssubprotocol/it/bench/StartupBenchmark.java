package dev.wssubprotocol.it.bench;

import dev.wssubprotocol.it.driver.BenchClient;
import dev.wssubprotocol.it.driver.Hello;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.RawServer;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * What carrying the agent costs at start-up: for a hello-world application and for one that opens one Netty
 * WebSocket connection, on each JDK, the variants no agent / an empty agent (a premain that registers a
 * transformer returning null: the floor any agent pays) / this agent are run interleaved (A B C A B C ...),
 * each run measured by GNU time: CPU seconds (user+sys), wall seconds, peak RSS. Prints medians, and medians
 * of the ratios taken run by run. Classes loaded come from one extra run per variant with -Xlog:class+load.
 * Run by ./benchmark.sh [runs]; not part of the tests.
 */
public final class StartupBenchmark {
    record Sample(double cpu, double wall, double rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path work = Files.createTempDirectory("bench");
        Path emptyAgent = emptyAgent(work);
        List<Path> netty = new ArrayList<>(List.of(Fork.DRIVERS));
        netty.addAll(Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final"));
        try (RawServer server = new RawServer()) {
            for (Jdks.Jdk jdk : Jdks.all()) {
                System.out.printf(Locale.ROOT, "%n### %s, %d runs each, medians%n%n", jdk, runs);
                System.out.println("| application | variant | CPU s | wall s | peak RSS MiB | classes loaded | CPU / baseline | RSS / baseline |");
                System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
                measure(jdk, "hello world", List.of(Fork.DRIVERS), Hello.class.getName(), List.of(), emptyAgent, runs, work);
                measure(jdk, "one Netty WebSocket", netty, BenchClient.class.getName(), List.of(server.base()),
                        emptyAgent, runs, work);
            }
        }
    }

    private static void measure(Jdks.Jdk jdk, String app, List<Path> classpath, String main, List<String> args,
                                Path emptyAgent, int runs, Path work) throws Exception {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("no agent", List.of());
        variants.put("empty agent", List.of("-javaagent:" + emptyAgent));
        variants.put("this agent", List.of("-javaagent:" + Fork.AGENT_JAR));
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(v -> samples.put(v, new ArrayList<>()));
        run(jdk, variants.get("this agent"), classpath, main, args, work); // warm the file cache once
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                samples.get(v.getKey()).add(run(jdk, v.getValue(), classpath, main, args, work));
            }
        }
        for (String v : variants.keySet()) {
            // the baseline of "this agent" is the empty agent (the floor); of the empty agent, no agent
            String base = v.equals("this agent") ? "empty agent" : v.equals("empty agent") ? "no agent" : null;
            List<Sample> s = samples.get(v);
            String cpuRatio = base == null ? "" : String.format(Locale.ROOT, "%.2f (vs %s)",
                    medianRatio(s, samples.get(base), Sample::cpu), base);
            String rssRatio = base == null ? "" : String.format(Locale.ROOT, "%.2f",
                    medianRatio(s, samples.get(base), Sample::rssMiB));
            System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.1f | %d | %s | %s |%n", app, v,
                    median(s, Sample::cpu), median(s, Sample::wall), median(s, Sample::rssMiB),
                    classesLoaded(jdk, variants.get(v), classpath, main, args, work), cpuRatio, rssRatio);
        }
        if (app.startsWith("one Netty")) {
            System.out.printf(Locale.ROOT, "| %s | this agent vs no agent | | | | | %.2f | +%.1f MiB |%n", app,
                    medianRatio(samples.get("this agent"), samples.get("no agent"), Sample::cpu),
                    median(samples.get("this agent"), Sample::rssMiB) - median(samples.get("no agent"), Sample::rssMiB));
        }
    }

    private static Sample run(Jdks.Jdk jdk, List<String> agent, List<Path> classpath, String main, List<String> args,
                              Path work) throws Exception {
        Path times = work.resolve("time.txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%U %S %e %M",
                jdk.java().toString()));
        command.addAll(agent);
        command.addAll(List.of("-cp", Fork.classpath(classpath), main));
        command.addAll(args);
        Fork.Result result = Fork.exec(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command + "\n" + result.describe());
        }
        String[] f = Files.readString(times).trim().split("\\s+");
        return new Sample(Double.parseDouble(f[0]) + Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]) / 1024);
    }

    private static long classesLoaded(Jdks.Jdk jdk, List<String> agent, List<Path> classpath, String main,
                                      List<String> args, Path work) throws Exception {
        Path log = work.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-Xlog:class+load=info:file=" + log));
        command.addAll(agent);
        command.addAll(List.of("-cp", Fork.classpath(classpath), main));
        command.addAll(args);
        Fork.exec(command);
        try (var lines = Files.lines(log)) {
            return lines.count();
        }
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> f) {
        return median(samples.stream().mapToDouble(f).toArray());
    }

    private static double medianRatio(List<Sample> a, List<Sample> b, java.util.function.ToDoubleFunction<Sample> f) {
        double[] ratios = new double[a.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i));
        }
        return median(ratios);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The floor: an agent whose premain registers a transformer that changes nothing. */
    private static Path emptyAgent(Path work) throws IOException {
        Path src = work.resolve("src/bench/EmptyAgent.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package bench;
                public class EmptyAgent {
                    public static void premain(String args, java.lang.instrument.Instrumentation inst) {
                        inst.addTransformer(new java.lang.instrument.ClassFileTransformer() {
                            @Override
                            public byte[] transform(ClassLoader l, String n, Class<?> c,
                                    java.security.ProtectionDomain d, byte[] b) {
                                return null;
                            }
                        });
                    }
                }""");
        Path classes = work.resolve("classes");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "8", "-nowarn", "-d",
                classes.toString(), src.toString()) != 0) {
            throw new IllegalStateException("empty agent does not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "bench.EmptyAgent");
        Path jar = work.resolve("empty-agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("bench/EmptyAgent.class"));
            out.write(Files.readAllBytes(classes.resolve("bench/EmptyAgent.class")));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("bench/EmptyAgent$1.class"));
            out.write(Files.readAllBytes(classes.resolve("bench/EmptyAgent$1.class")));
            out.closeEntry();
        }
        return jar;
    }
}
