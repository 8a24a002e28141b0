package dev.wssubprotocol.it.scan;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar ws-subprotocol-agent.jar scan ...} in a forked JVM, as an operator runs it, on real jars from
 * Maven Central and on archives assembled here the way Spring Boot and a web container lay them out.
 */
class ScanIT {
    private static final String NETTY = "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker";
    private static final String JWS = "org.java_websocket.drafts.Draft_6455";
    /** The newest grpc-netty-shaded when this test was written; it carries Netty 4.2.17.Final, relocated. */
    private static final String GRPC = "io.grpc:grpc-netty-shaded:1.85.1";

    @TempDir
    Path dir;

    static List<Jdks.Jdk> jdks() {
        return Jdks.all();
    }

    /** The jar of one artifact, resolved with its dependencies from Maven Central. */
    private static Path jar(String coordinates) {
        String[] gav = coordinates.split(":");
        String name = gav[1] + "-" + gav[2] + ".jar";
        return Libraries.classpath(coordinates).stream().filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not resolved"));
    }

    private static Fork.Result scan(Jdks.Jdk jdk, Object... paths) {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-jar", Fork.AGENT_JAR.toString(),
                "scan"));
        for (Object path : paths) {
            command.add(path.toString());
        }
        return Fork.exec(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void realJarsFromMavenCentralWithARelocatedNettyFoundByItsShape(Jdks.Jdk jdk) {
        Path netty = jar("io.netty:netty-codec-http:4.1.140.Final");
        Path jws = jar("org.java-websocket:Java-WebSocket:1.5.7");
        Path grpc = jar(GRPC);
        Fork.Result r = scan(jdk, netty, jws, grpc);
        assertEquals(List.of(
                "needs agent  netty 4.1.140.Final  " + NETTY + "  in " + netty
                        + "  -> fixed by the agent (patch netty)",
                "needs agent  java-websocket 1.5.7  " + JWS + "  in " + jws
                        + "  -> fixed by the agent (patch java-websocket)",
                "needs agent  netty 4.2.17.Final  io.grpc.netty.shaded." + NETTY + "  in " + grpc
                        + "  -> fixed by the agent (patch netty, relocated copy)",
                "summary: 3 fixed by the agent, 0 not fixed, 0 errors; scanned 3 paths, 3 archives, 3378 class files"
                        + " -> needs the agent (exit 1)"), r.stdout(), r.describe());
        assertEquals(List.of(), r.stderr(), r.describe());
        assertEquals(1, r.exitCode(), r.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aJarWithoutAnyClient(Jdks.Jdk jdk) {
        Fork.Result r = scan(jdk, jar("org.slf4j:slf4j-api:2.0.17"));
        assertEquals(List.of("summary: 0 fixed by the agent, 0 not fixed, 0 errors; scanned 1 path, 1 archive,"
                + " 56 class files -> no strict client found, the agent is not needed (exit 0)"), r.stdout(),
                r.describe());
        assertEquals(List.of(), r.stderr(), r.describe());
        assertEquals(0, r.exitCode(), r.describe());
    }

    /** Netty versions whose finishHandshake never checks the subprotocol: found, and not needing the agent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void nettyVersionsWithoutTheStrictCheckDoNotNeedTheAgent(Jdks.Jdk jdk) {
        List<String> expected = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        for (String version : List.of("4.0.23.Final", "4.1.0.Beta3", "5.0.0.Alpha1")) {
            Path jar = jar("io.netty:netty-codec-http:" + version);
            jars.add(jar);
            expected.add("not needed   netty " + version + "  " + NETTY + "  in " + jar + "  -> does not need the agent:"
                    + " finishHandshake never compares the response's subprotocol with the offered ones (it does not"
                    + " read expectedSubprotocol): this version accepts a response without Sec-WebSocket-Protocol");
        }
        Fork.Result r = scan(jdk, jars.toArray());
        assertEquals(expected, r.stdout().subList(0, r.stdout().size() - 1), r.describe());
        assertTrue(r.stdout().get(r.stdout().size() - 1).startsWith("summary: 0 fixed by the agent, 0 not fixed,"
                + " 3 not needing it, 0 errors; scanned 3 paths, 3 archives, "), r.describe());
        assertTrue(r.stdout().get(r.stdout().size() - 1).endsWith(
                " -> no strict client found, the agent is not needed (exit 0)"), r.describe());
        assertEquals(0, r.exitCode(), r.describe());
    }

    /** BOOT-INF/lib/*.jar stored uncompressed inside the fat jar, as Spring Boot's plugins write it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSpringBootFatJar(Jdks.Jdk jdk) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\r\nMain-Class: "
                + "org.springframework.boot.loader.launch.JarLauncher\r\nStart-Class: com.example.App\r\n\r\n")
                .getBytes());
        entries.put("BOOT-INF/classes/application.properties", "server.port=8080\n".getBytes());
        List<Path> libs = new ArrayList<>(Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final"));
        libs.add(jar("org.java-websocket:Java-WebSocket:1.5.7"));
        for (Path lib : libs) {
            entries.put("BOOT-INF/lib/" + lib.getFileName(), Files.readAllBytes(lib));
        }
        Path app = Files.write(dir.resolve("app.jar"), zip(entries, true));
        Fork.Result r = scan(jdk, app);
        assertEquals(List.of(
                "needs agent  netty 4.1.140.Final  " + NETTY + "  in " + app
                        + "!/BOOT-INF/lib/netty-codec-http-4.1.140.Final.jar  -> fixed by the agent (patch netty)",
                "needs agent  java-websocket 1.5.7  " + JWS + "  in " + app
                        + "!/BOOT-INF/lib/Java-WebSocket-1.5.7.jar  -> fixed by the agent (patch java-websocket)"),
                r.stdout().subList(0, r.stdout().size() - 1), r.describe());
        assertEquals(List.of(), r.stderr(), r.describe());
        assertEquals(1, r.exitCode(), r.describe());
    }

    /** A war with WEB-INF/lib and WEB-INF/classes, compressed, inside an ear. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aWarInsideAnEar(Jdks.Jdk jdk) throws IOException {
        Path grpc = jar(GRPC);
        Map<String, byte[]> war = new LinkedHashMap<>();
        war.put("WEB-INF/web.xml", "<web-app/>".getBytes());
        war.put("WEB-INF/lib/" + grpc.getFileName(), Files.readAllBytes(grpc));
        war.put("WEB-INF/lib/slf4j-api-2.0.17.jar", Files.readAllBytes(jar("org.slf4j:slf4j-api:2.0.17")));
        Map<String, byte[]> ear = new LinkedHashMap<>();
        ear.put("META-INF/application.xml", "<application/>".getBytes());
        ear.put("web.war", zip(war, false));
        Path app = Files.write(dir.resolve("app.ear"), zip(ear, false));
        Fork.Result r = scan(jdk, app);
        assertEquals(List.of(
                "needs agent  netty 4.2.17.Final  io.grpc.netty.shaded." + NETTY + "  in " + app
                        + "!/web.war!/WEB-INF/lib/grpc-netty-shaded-1.85.1.jar  -> fixed by the agent (patch netty,"
                        + " relocated copy)",
                "summary: 1 fixed by the agent, 0 not fixed, 0 errors; scanned 1 path, 4 archives, 2939 class files"
                        + " -> needs the agent (exit 1)"), r.stdout(), r.describe());
        assertEquals(1, r.exitCode(), r.describe());
    }

    /**
     * Netty 5.0.0.Alpha2 has the handshaker and its method, but not the header methods the advice calls: the
     * agent would skip it. Its HttpHeaders extends a class of netty-codec, so the check needs both jars: a lib
     * directory holds them. Scanned together with a fat jar that has Netty 4.1, the check still uses the
     * classes of its own path first.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aLibDirectoryWithANettyTheAgentDoesNotFix(Jdks.Jdk jdk) throws IOException {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        for (Path jar : Libraries.classpath("io.netty:netty-codec-http:5.0.0.Alpha2")) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
        String notFixed = "unsupported  netty 5.0.0.Alpha2  " + NETTY + "  in " + lib
                + "/netty-codec-http-5.0.0.Alpha2.jar  -> NOT fixed: no method io.netty.handler.codec.http.HttpHeaders"
                + "#get(Ljava/lang/String;)Ljava/lang/String;";
        Fork.Result alone = scan(jdk, lib);
        assertEquals(List.of(notFixed), alone.stdout().subList(0, alone.stdout().size() - 1), alone.describe());
        assertEquals(4, alone.exitCode(), alone.describe());

        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Path jar : Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final")) {
            entries.put("BOOT-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        Path app = Files.write(dir.resolve("app.jar"), zip(entries, true));
        Fork.Result both = scan(jdk, app, lib);
        assertEquals(List.of(
                "needs agent  netty 4.1.140.Final  " + NETTY + "  in " + app
                        + "!/BOOT-INF/lib/netty-codec-http-4.1.140.Final.jar  -> fixed by the agent (patch netty)",
                notFixed), both.stdout().subList(0, both.stdout().size() - 1), both.describe());
        assertEquals(1, both.exitCode(), both.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void badInputIsReportedPerEntryAndTheScanGoesOn(Jdks.Jdk jdk) throws IOException {
        Path missing = dir.resolve("missing.jar");
        Path notAZip = Files.writeString(dir.resolve("notes.jar"), "not a zip\n");
        Path slf4j = jar("org.slf4j:slf4j-api:2.0.17");
        Fork.Result r = scan(jdk, missing, notAZip, slf4j);
        assertEquals(List.of(
                "error: " + missing + ": no such file or directory",
                "error: " + notAZip + ": not a zip archive (it does not start with a zip header)"), r.stderr(),
                r.describe());
        assertEquals(List.of("summary: 0 fixed by the agent, 0 not fixed, 2 errors; scanned 3 paths, 1 archive,"
                + " 56 class files -> incomplete: nothing the agent fixes in what could be read and checked (exit 3)"),
                r.stdout(), r.describe());
        assertEquals(3, r.exitCode(), r.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void usage(Jdks.Jdk jdk) {
        Fork.Result none = scan(jdk);
        assertEquals(2, none.exitCode(), none.describe());
        assertEquals("scan: no path given", none.stderr().get(0));
        Fork.Result help = scan(jdk, "--help");
        assertEquals(0, help.exitCode(), help.describe());
        assertEquals("Usage: java -jar ws-subprotocol-agent.jar scan [--help] [--] PATH...", help.stdout().get(0));
    }

    /** A zip of these entries; nested archives stored uncompressed when {@code storeArchives}. */
    private static byte[] zip(Map<String, byte[]> entries, boolean storeArchives) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (storeArchives && e.getKey().endsWith(".jar")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
