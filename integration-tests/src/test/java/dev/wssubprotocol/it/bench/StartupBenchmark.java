package dev.wssubprotocol.it.bench;

import dev.wssubprotocol.it.driver.BenchClient;
import dev.wssubprotocol.it.driver.Hello;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.RawServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What carrying the agent costs at start-up: for a hello-world application and for one that opens one Netty
 * WebSocket connection, on each JDK, the variants no agent / an empty agent (a premain that registers a
 * transformer returning null: the floor any agent pays) / this agent are run interleaved (A B C A B C ...),
 * each run measured from outside: CPU seconds (user+sys of the JVM process, from bash's {@code times}, to the
 * millisecond), wall seconds and peak RSS (GNU time). Prints medians, and medians of the ratios taken run by run
 * (run i of one variant against run i of the other). Classes loaded come from one extra run per variant with
 * -Xlog:class+load. Run by ./benchmark.sh [runs]; not part of the tests.
 */
public final class StartupBenchmark {
    record Sample(double cpu, double wall, double rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path work = Files.createTempDirectory("bench");
        Path emptyAgent = EmptyAgent.jar(work);
        List<Path> netty = new ArrayList<>(List.of(Fork.DRIVERS));
        netty.addAll(Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final"));
        try (RawServer server = new RawServer()) {
            for (Jdks.Jdk jdk : Jdks.all()) {
                System.out.printf(Locale.ROOT, "%n#### Start-up, %s, %d interleaved runs per variant, medians%n%n", jdk,
                        runs);
                System.out.println("| application | variant | CPU s | wall s | peak RSS MiB | classes loaded |");
                System.out.println("| --- | --- | --- | --- | --- | --- |");
                List<String> ratios = new ArrayList<>();
                ratios.addAll(measure(jdk, "hello world", List.of(Fork.DRIVERS), Hello.class.getName(), List.of(),
                        emptyAgent, runs, work));
                ratios.addAll(measure(jdk, "one Netty WebSocket", netty, BenchClient.class.getName(),
                        List.of(server.base()), emptyAgent, runs, work));
                System.out.printf(Locale.ROOT, "%n| application | ratio (median of run-by-run ratios) | CPU | peak RSS "
                        + "| peak RSS difference, MiB (median of run-by-run differences) |%n| --- | --- | --- | --- | --- |%n");
                ratios.forEach(System.out::println);
            }
        }
    }

    /** @return the ratio rows: empty agent / no agent, this agent / empty agent, this agent / no agent */
    private static List<String> measure(Jdks.Jdk jdk, String app, List<Path> classpath, String main,
                                        List<String> args, Path emptyAgent, int runs, Path work) throws Exception {
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
            List<Sample> s = samples.get(v);
            System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.1f | %d |%n", app, v,
                    median(s, Sample::cpu), median(s, Sample::wall), median(s, Sample::rssMiB),
                    classesLoaded(jdk, variants.get(v), classpath, main, args, work));
        }
        List<String> rows = new ArrayList<>();
        for (String[] pair : new String[][] {{"empty agent", "no agent"}, {"this agent", "empty agent"},
                {"this agent", "no agent"}}) {
            List<Sample> a = samples.get(pair[0]);
            List<Sample> b = samples.get(pair[1]);
            rows.add(String.format(Locale.ROOT, "| %s | %s / %s | %.3f | %.3f | %+.1f |", app, pair[0], pair[1],
                    medianRatio(a, b, Sample::cpu), medianRatio(a, b, Sample::rssMiB), medianDifference(a, b)));
        }
        return rows;
    }

    /**
     * One run: bash starts GNU time, which starts the JVM; bash's {@code times} then prints the CPU time of its
     * children (time and the JVM, time's own share being a few syscalls) to the millisecond, where GNU time's own
     * figure has 10 ms steps. GNU time gives wall time and peak RSS.
     */
    private static Sample run(Jdks.Jdk jdk, List<String> agent, List<Path> classpath, String main, List<String> args,
                              Path work) throws Exception {
        Path times = work.resolve("time.txt");
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "\"$@\" >/dev/null 2>&1 || exit $?; times", "bench",
                "/usr/bin/time", "-o", times.toString(), "-f", "%e %M", jdk.java().toString()));
        command.addAll(agent);
        command.addAll(List.of("-cp", Fork.classpath(classpath), main));
        command.addAll(args);
        Fork.Result result = Fork.exec(command);
        if (result.exitCode() != 0 || result.stdout().size() != 2) {
            throw new IllegalStateException(command + "\n" + result.describe());
        }
        String[] children = result.stdout().get(1).trim().split("\\s+"); // "0m0.193s 0m0.045s": user, sys
        String[] f = Files.readString(times).trim().split("\\s+");
        return new Sample(seconds(children[0]) + seconds(children[1]), Double.parseDouble(f[0]),
                Double.parseDouble(f[1]) / 1024);
    }

    /** bash's "1m0.193s" */
    static double seconds(String minutesAndSeconds) {
        int m = minutesAndSeconds.indexOf('m');
        return Integer.parseInt(minutesAndSeconds.substring(0, m)) * 60
                + Double.parseDouble(minutesAndSeconds.substring(m + 1, minutesAndSeconds.length() - 1));
    }

    private static long classesLoaded(Jdks.Jdk jdk, List<String> agent, List<Path> classpath, String main,
                                      List<String> args, Path work) throws Exception {
        Path log = work.resolve("classes.log");
        // Java 8 has no unified logging: -verbose:class prints one "[Loaded ...]" line per class on stdout
        boolean java8 = jdk.major() == 8;
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(),
                java8 ? "-verbose:class" : "-Xlog:class+load=info:file=" + log));
        command.addAll(agent);
        command.addAll(List.of("-cp", Fork.classpath(classpath), main));
        command.addAll(args);
        Fork.Result result = Fork.exec(command);
        if (java8) {
            return result.stdout().stream().filter(l -> l.startsWith("[Loaded ")).count();
        }
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

    private static double medianDifference(List<Sample> a, List<Sample> b) {
        double[] differences = new double[a.size()];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = a.get(i).rssMiB() - b.get(i).rssMiB();
        }
        return median(differences);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
