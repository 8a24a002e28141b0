package dev.wssubprotocol.it.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompatibilityTest {
    private static List<Compatibility.Row> rows(String version, int... jdks) {
        List<Compatibility.Row> rows = new ArrayList<>();
        for (int jdk : jdks) {
            rows.add(new Compatibility.Row("lib", version, jdk, false, false, "x"));
        }
        return rows;
    }

    @Test
    void versionsOnTheSameJdksShowTheList() {
        List<Compatibility.Row> group = new ArrayList<>(rows("1.0", 8, 11, 17, 21, 25));
        group.addAll(rows("1.1", 25, 21, 17, 11, 8));
        assertEquals("8, 11, 17, 21, 25", Compatibility.jdks(group));
    }

    @Test
    void versionsThatStartLaterAreNamedWithTheJdkTheyStartOn() {
        List<Compatibility.Row> group = new ArrayList<>(rows("12.0.0", 17, 21, 25));
        group.addAll(rows("9.4.0", 8, 11, 17, 21, 25));
        group.addAll(rows("10.0.0", 11, 17, 21, 25));
        group.addAll(rows("11.0.26", 11, 17, 21, 25));
        assertEquals("8, 11, 17, 21, 25 (from 11: 10.0.0, 11.0.26; from 17: 12.0.0)", Compatibility.jdks(group));
    }

    @Test
    void eachVersionOnItsOwnJdkShowsTheList() {
        List<Compatibility.Row> group = new ArrayList<>(rows("11", 11));
        group.addAll(rows("17", 17));
        group.addAll(rows("25", 25));
        assertEquals("11, 17, 25", Compatibility.jdks(group));
    }
}
