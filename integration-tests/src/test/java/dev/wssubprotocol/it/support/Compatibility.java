package dev.wssubprotocol.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The README's compatibility table, made from what the contract tests actually saw: each passing contract test
 * records one row (library, version, JDK, outcome) in {@code target/compat/rows.tsv}; CompatibilityTableIT, which
 * runs after all of them, turns the rows into the table and compares it with the README.
 */
public final class Compatibility {
    public static final Path ROWS = Paths.get(System.getProperty("ws.it.compatRows", "target/compat/rows.tsv"));

    public record Row(String library, String version, int jdk, boolean strict, boolean fixed, String sees) {
        String line() {
            return String.join("\t", library, version, Integer.toString(jdk), Boolean.toString(strict),
                    Boolean.toString(fixed), sees);
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            return new Row(f[0], f[1], Integer.parseInt(f[2]), Boolean.parseBoolean(f[3]), Boolean.parseBoolean(f[4]),
                    f[5]);
        }
    }

    /** Whether this JVM has written a row yet: its first row starts the file anew, so it holds one run only. */
    private static boolean started;

    private Compatibility() {
    }

    public static synchronized void record(Row row) {
        try {
            if (!started) {
                Files.createDirectories(ROWS.getParent());
                Files.deleteIfExists(ROWS);
                started = true;
            }
            Files.writeString(ROWS, row.line() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The markdown table: strict clients first, then by library name; versions in version order. */
    public static String table(List<Row> rows) {
        Map<String, List<Row>> byLibrary = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing((Row r) -> !r.strict()).thenComparing(Row::library))
                .forEach(r -> byLibrary.computeIfAbsent(r.library(), k -> new ArrayList<>()).add(r));
        StringBuilder table = new StringBuilder();
        table.append("| library | versions tested | JDKs | strict without the agent | with the agent | the application sees |\n");
        table.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, List<Row>> entry : byLibrary.entrySet()) {
            List<Row> group = entry.getValue();
            String versions = group.stream().map(Row::version).distinct().sorted(Compatibility::compareVersions)
                    .collect(Collectors.joining(", "));
            String jdks = jdks(group);
            Row first = group.get(0);
            String strict = cell(group, Row::strict, "yes", "no");
            String fixed = first.strict() ? cell(group, Row::fixed, "fixed", "NOT fixed") : "already accepts it; left untouched";
            String sees = group.stream().map(Row::sees).distinct().collect(Collectors.joining("; "));
            table.append("| ").append(entry.getKey()).append(" | ").append(versions).append(" | ").append(jdks)
                    .append(" | ").append(strict).append(" | ").append(fixed).append(" | ").append(sees).append(" |\n");
        }
        return table.toString();
    }

    /**
     * The JDKs a library's rows ran on; when its versions start on different JDKs (each runs from the oldest Java
     * it supports), those that start later are named with the JDK they start on, e.g.
     * "8, 11, 17, 21, 25 (from 11: 10.0.0, 10.0.26; from 17: 12.0.0)".
     */
    static String jdks(List<Row> group) {
        String all = join(new TreeSet<>(group.stream().map(Row::jdk).toList()));
        Map<String, TreeSet<Integer>> byVersion = new LinkedHashMap<>();
        group.stream().sorted(Comparator.comparing(Row::version, Compatibility::compareVersions))
                .forEach(r -> byVersion.computeIfAbsent(r.version(), k -> new TreeSet<>()).add(r.jdk()));
        // each version on its own JDK only (the JDK's own client): the list says it all
        if (byVersion.values().stream().allMatch(set -> set.size() == 1)) {
            return all;
        }
        Map<Integer, List<String>> byFirst = new TreeMap<>();
        byVersion.forEach((version, set) -> byFirst.computeIfAbsent(set.first(), k -> new ArrayList<>()).add(version));
        if (byFirst.size() == 1) {
            return all;
        }
        List<String> later = new ArrayList<>();
        byFirst.entrySet().stream().skip(1).forEach(e -> later.add("from " + e.getKey() + ": "
                + String.join(", ", e.getValue())));
        return all + " (" + String.join("; ", later) + ")";
    }

    private static String join(Collection<Integer> majors) {
        return majors.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String cell(List<Row> group, java.util.function.Predicate<Row> test, String yes, String no) {
        boolean all = group.stream().allMatch(test);
        boolean none = group.stream().noneMatch(test);
        return all ? yes : none ? no : "mixed";
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[^0-9]+");
        String[] y = b.split("[^0-9]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i].isEmpty() || y[i].isEmpty()) {
                continue;
            }
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    public static List<Row> rows() throws IOException {
        return Files.readAllLines(ROWS, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(Row::parse).toList();
    }
}
