package dev.wssubprotocol.it.support;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a contract test runs: each library version it lists, on every discovered JDK (see {@link Jdks}) from the
 * oldest Java that version runs on. The test declares that minimum next to the version, with where it comes from
 * (the major version of the library's class files, or its documented baseline when they say less), so a version
 * is never started on a JDK it cannot run on and never left out of one it can: there is no skip.
 */
public final class Matrix {
    /** One tested version: the oldest Java major it runs on, and the test method's arguments for it. */
    public record Version(int minJava, List<Object> arguments) {
        public Version {
            if (!Jdks.REQUIRED.contains(minJava)) {
                throw new IllegalArgumentException("minimum Java " + minJava + " is none of the tested majors "
                        + Jdks.REQUIRED + ": declare the lowest tested major it runs on");
            }
        }
    }

    private Matrix() {
    }

    /** A version (the test method's arguments before the JDK) that runs on Java {@code minJava} and later. */
    public static Version java(int minJava, Object... arguments) {
        return new Version(minJava, List.of(arguments));
    }

    /** The discovered JDKs of major {@code minJava} and later. */
    public static List<Jdks.Jdk> jdksFrom(int minJava) {
        return Jdks.all().stream().filter(jdk -> jdk.major() >= minJava).collect(Collectors.toList());
    }

    /** Each version on each discovered JDK it runs on: its arguments, then the JDK. */
    public static Stream<Arguments> of(Version... versions) {
        return Stream.of(versions).flatMap(v -> jdksFrom(v.minJava()).stream().map(jdk -> {
            List<Object> arguments = new ArrayList<>(v.arguments());
            arguments.add(jdk);
            return Arguments.of(arguments.toArray());
        }));
    }
}
