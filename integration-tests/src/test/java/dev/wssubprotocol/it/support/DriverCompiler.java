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
            List<String> args = List.of("--release", "8", "-proc:none", "-nowarn", "-d", classes.toString(),
                    "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                    source.toString());
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            int rc = javac.run(null, messages, messages, args.toArray(new String[0]));
            if (rc != 0) {
                throw new AssertionError("cannot compile " + resource + " against " + library + ":\n"
                        + messages.toString(StandardCharsets.UTF_8));
            }
            return Files.move(classes, out);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
