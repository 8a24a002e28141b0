package dev.wssubprotocol.it.bench;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * ./benchmark.sh [runs] [forks] [repeats]: the machine, then the start-up benchmark and the attach benchmark
 * ({@code runs} interleaved runs per variant, default 12) and the handshake benchmark ({@code forks} JMH forks per
 * run, default 5, 0 to leave it out; {@code repeats} runs per variant, alternating, default 1). Everything it
 * prints is Markdown.
 */
public final class Benchmarks {
    public static void main(String[] args) throws Exception {
        String runs = args.length > 0 ? args[0] : "12";
        String forks = args.length > 1 ? args[1] : "5";
        String repeats = args.length > 2 ? args[2] : "1";
        System.out.println("#### Machine");
        System.out.println();
        System.out.println("- " + LocalDate.now() + ", " + cpu() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + memory() + ", Linux " + System.getProperty("os.version"));
        for (Jdks.Jdk jdk : Jdks.all()) {
            Fork.Result version = Fork.exec(List.of(jdk.java().toString(), "-version"));
            System.out.println("- " + String.join(" / ", version.stderr()));
        }
        StartupBenchmark.main(new String[] {runs});
        AttachBenchmark.main(new String[] {runs});
        if (!forks.equals("0")) { // 0: start-up and attach only
            HandshakeBenchmark.main(new String[] {forks, repeats});
        }
    }

    private static String cpu() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "CPU unknown";
    }

    private static String memory() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB";
            }
        }
        return "memory unknown";
    }
}
