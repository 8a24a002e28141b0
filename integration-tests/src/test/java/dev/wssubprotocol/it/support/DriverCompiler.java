package dev.wssubprotocol.it.support;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a driver whose library reuses the class names of another library version on the module's compile class
 * path (Jetty 9.4 to 11 and Jetty 12), against the library version it is going to run with. The source is a test
 * resource; it is compiled with the drivers' folder (for {@code Driver} and {@code Case}) and the library, for Java 8
 * like the other drivers (it runs in the forked JVMs, on every tested JDK).
 */
public final class DriverCompiler {
    private DriverCompiler() {
    }

    /**
     * @param resource the source, a test resource (e.g. "drivers/JettyClassicDriver.java")
     * @param out      the folder for the class files; if it exists already, it is returned as it is
     * @return out, to be put on the forked JVM's class path
     */
    public static synchronized Path compile(String resource, List<Path> library, Path out) {
        return compile(resource, library, out, null, 8);
    }

    /**
     * The same, for a library whose class files are newer than the build's JDK can read (Helidon 4: Java 21): the
     * source is compiled by {@code javac} of {@code jdk} (a JDK of that Java or later, the one the driver is going to
     * run on), for {@code release}.
     *
     * @param jdk     whose javac compiles, or null for the build's own (in this JVM)
     * @param release the Java release of the class files (8 for a driver that runs on every tested JDK)
     */
    public static synchronized Path compile(String resource, List<Path> library, Path out, Jdks.Jdk jdk, int release) {
        if (Files.isDirectory(out)) {
            return out;
        }
        try {
            URL url = DriverCompiler.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            Path source = Paths.get(url.toURI());
            List<Path> classpath = new ArrayList<>();
            classpath.add(Fork.DRIVERS);
            classpath.addAll(library);
            Path classes = Files.createDirectories(out.resolveSibling(out.getFileName() + ".tmp"));
            List<String> args = List.of("--release", Integer.toString(release), "-proc:none", "-nowarn",
                    "-d", classes.toString(),
                    "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                    source.toString());
            int rc;
            String messages;
            if (jdk == null) {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                rc = javac.run(null, output, output, args.toArray(new String[0]));
                messages = output.toString(StandardCharsets.UTF_8);
            } else {
                List<String> command = new ArrayList<>();
                command.add(jdk.home().resolve("bin").resolve("javac").toString());
                command.addAll(args);
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                rc = process.waitFor();
            }
            if (rc != 0) {
                throw new AssertionError("cannot compile " + resource + " against " + library
                        + (jdk == null ? "" : " with the javac of " + jdk) + ":\n" + messages);
            }
            return Files.move(classes, out);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
