package dev.wssubprotocol.agent.scan;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import org.java_websocket.drafts.Draft_6455;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.wssubprotocol.agent.scan.TestArchives.entries;
import static dev.wssubprotocol.agent.scan.TestArchives.fakeClass;
import static dev.wssubprotocol.agent.scan.TestArchives.map;
import static dev.wssubprotocol.agent.scan.TestArchives.write;
import static dev.wssubprotocol.agent.scan.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The scan on the real Netty and Java-WebSocket jars of the test class path (4.0.24.Final and 1.3.7, the versions
 * the advice compiles against), and on bad files made in the test: each bad entry gives one clear error line and
 * the scan goes on.
 */
class ScanTest {
    private static final String NETTY = "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker";
    private static final String NETTY_PATH = NETTY.replace('.', '/') + ".class";
    private static final String FINISH = "(Lio/netty/channel/Channel;Lio/netty/handler/codec/http/FullHttpResponse;)V";
    private static final String NETTY_FIXED = "-> fixed by the agent (patch netty)";

    private static Map<String, byte[]> nettyJar;
    private static byte[] nettyJarBytes;
    private static Map<String, byte[]> javaWebSocketJar;

    @TempDir
    File dir;

    @BeforeAll
    static void readTheLibraries() throws Exception {
        File netty = TestArchives.jarOf(WebSocketClientHandshaker.class);
        assertEquals("netty-codec-http-4.0.24.Final.jar", netty.getName());
        nettyJar = entries(netty);
        nettyJarBytes = zip(nettyJar);
        javaWebSocketJar = entries(TestArchives.jarOf(Draft_6455.class));
    }

    static final class Result {
        final int code;
        final List<String> out;
        final List<String> err;

        Result(int code, List<String> out, List<String> err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        /** The finding lines, without the summary. */
        List<String> findings() {
            return out.subList(0, out.size() - 1);
        }

        String summary() {
            return out.get(out.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n"
                    + String.join("\n", err);
        }
    }

    static Result scan(Limits limits, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Scan.run(args, new PrintStream(out, true), new PrintStream(err, true), limits);
        return new Result(code, lines(out), lines(err));
    }

    static Result scan(String... args) {
        return scan(Limits.DEFAULT, args);
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        return text.isEmpty() ? Collections.<String>emptyList() : Arrays.asList(text.split("\r?\n"));
    }

    private File file(String name, byte[] bytes) throws IOException {
        return write(new File(dir, name), bytes);
    }

    private String nettyJarFile() throws IOException {
        return file("netty-codec-http-4.0.24.Final.jar", nettyJarBytes).getPath();
    }

    // ---- real libraries

    @Test
    void theRealLibrariesAreFoundWithTheirVersionsAndFixed() throws Exception {
        String netty = nettyJarFile();
        String jws = file("Java-WebSocket-1.3.7.jar", zip(javaWebSocketJar)).getPath();
        Result r = scan(netty, jws);
        assertEquals(Arrays.asList(
                "needs agent  netty 4.0.24.Final  " + NETTY + "  in " + netty + "  " + NETTY_FIXED,
                "needs agent  java-websocket 1.3.7  org.java_websocket.drafts.Draft_6455  in " + jws
                        + "  -> fixed by the agent (patch java-websocket)"), r.findings(), r.toString());
        assertEquals(Collections.emptyList(), r.err);
        assertTrue(r.summary().startsWith("summary: 2 fixed by the agent, 0 not fixed, 0 errors; scanned 2 paths,"
                + " 2 archives, "), r.summary());
        assertTrue(r.summary().endsWith(" -> needs the agent (exit 1)"), r.summary());
        assertEquals(Scan.NEEDS_AGENT, r.code);
    }

    @Test
    void aRelocatedCopyIsFoundByItsShapeWithNettysOwnVersionFile() throws Exception {
        Map<String, byte[]> shaded = TestArchives.relocate(nettyJar, "io/netty/", "com/acme/shaded/");
        shaded.put("META-INF/com.acme.shaded.io.netty.versions.properties",
                shaded.remove("META-INF/io.netty.versions.properties"));
        shaded.remove("META-INF/maven/io.netty/netty-codec-http/pom.properties");
        String jar = file("acme-client-2.0.jar", zip(shaded)).getPath();
        Result r = scan(jar);
        assertEquals(Collections.singletonList("needs agent  netty 4.0.24.Final  com.acme.shaded." + NETTY + "  in "
                + jar + "  -> fixed by the agent (patch netty, relocated copy)"), r.findings(), r.toString());
        assertEquals(Scan.NEEDS_AGENT, r.code);
    }

    @Test
    void aSpringBootFatJarIsReadFromTheStreamWithoutTemporaryFiles() throws Exception {
        String app = file("app.jar", zip(map(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Version: 9.9\r\n\r\n".getBytes("UTF-8"),
                "BOOT-INF/classes/com/example/App.class", fakeClass("com/example/App", "main", "()V"),
                "BOOT-INF/lib/netty-codec-http-4.0.24.Final.jar", nettyJarBytes,
                "BOOT-INF/lib/Java-WebSocket-1.3.7.jar", zip(javaWebSocketJar)))).getPath();
        Result r = scan(app);
        assertEquals(Arrays.asList(
                "needs agent  netty 4.0.24.Final  " + NETTY + "  in " + app
                        + "!/BOOT-INF/lib/netty-codec-http-4.0.24.Final.jar  " + NETTY_FIXED,
                "needs agent  java-websocket 1.3.7  org.java_websocket.drafts.Draft_6455  in " + app
                        + "!/BOOT-INF/lib/Java-WebSocket-1.3.7.jar  -> fixed by the agent (patch java-websocket)"),
                r.findings(), r.toString());
        assertTrue(r.summary().contains("scanned 1 path, 3 archives, "), r.summary());
    }

    @Test
    void aDirectoryTreeWithClassFilesUnderWebInfClasses() throws Exception {
        File exploded = new File(dir, "exploded");
        for (Map.Entry<String, byte[]> e : javaWebSocketJar.entrySet()) {
            File f = new File(exploded, "WEB-INF/classes/" + e.getKey());
            assertTrue(f.getParentFile().isDirectory() || f.getParentFile().mkdirs());
            write(f, e.getValue());
        }
        assertTrue(new File(exploded, "WEB-INF/lib").mkdirs());
        write(new File(exploded, "WEB-INF/lib/netty-codec-http-4.0.24.Final.jar"), nettyJarBytes);
        Result r = scan(exploded.getPath());
        assertEquals(Arrays.asList(
                "needs agent  netty 4.0.24.Final  " + NETTY + "  in " + exploded.getPath()
                        + "/WEB-INF/lib/netty-codec-http-4.0.24.Final.jar  " + NETTY_FIXED,
                "needs agent  java-websocket 1.3.7  org.java_websocket.drafts.Draft_6455  in " + exploded.getPath()
                        + "/WEB-INF/classes  -> fixed by the agent (patch java-websocket)"), r.findings(), r.toString());
        assertEquals(Collections.emptyList(), r.err);
    }

    @Test
    void noClientFound() throws Exception {
        String jar = file("plain-1.0.jar", zip(map("com/example/App.class", fakeClass("com/example/App", "x", "()V"))))
                .getPath();
        Result r = scan(jar);
        assertEquals(Collections.emptyList(), r.findings());
        assertEquals("summary: 0 fixed by the agent, 0 not fixed, 0 errors; scanned 1 path, 1 archive, 1 class file"
                + " -> no strict client found, the agent is not needed (exit 0)", r.summary());
        assertEquals(Scan.NONE, r.code);
    }

    // ---- classes named like a target, with another shape

    @Test
    void aClassNamedLikeTheHandshakerButWithAnotherMethodIsNotFixed() throws Exception {
        String jar = file("fake-1.2.3.jar", zip(map(NETTY_PATH, fakeClass(NETTY.replace('.', '/'), "finishHandshake",
                "(Lio/netty/channel/Channel;Lio/netty/handler/codec/http/HttpResponse;)V")))).getPath();
        Result r = scan(jar);
        assertEquals(Collections.singletonList("unsupported  netty 1.2.3  " + NETTY + "  in " + jar
                + "  -> NOT fixed: no method finishHandshake(io.netty.channel.Channel,"
                + " io.netty.handler.codec.http.FullHttpResponse)"), r.findings(), r.toString());
        assertTrue(r.summary().endsWith("-> a strict client that the agent does not fix (exit 4)"), r.summary());
        assertEquals(Scan.NOT_FIXABLE, r.code);
    }

    @Test
    void theRightMethodWithoutTheFieldsTheAdviceUsesIsNotFixed() throws Exception {
        String jar = file("fake.jar", zip(map(NETTY_PATH, fakeClass(NETTY.replace('.', '/'), "finishHandshake",
                FINISH)))).getPath();
        Result r = scan(jar);
        assertEquals(Collections.singletonList("unsupported  netty (version unknown)  " + NETTY + "  in " + jar
                + "  -> NOT fixed: no field expectedSubprotocol"), r.findings(), r.toString());
        assertEquals(Scan.NOT_FIXABLE, r.code);
    }

    @Test
    void aClassTheCheckNeedsInNoScannedPathLeavesTheAnswerIncomplete() throws Exception {
        String jar = file("fake.jar", zip(map(NETTY_PATH, fakeClass(NETTY.replace('.', '/'), "finishHandshake",
                FINISH, "expectedSubprotocol", "actualSubprotocol")))).getPath();
        Result r = scan(jar);
        assertEquals(1, r.findings().size(), r.toString());
        assertTrue(r.findings().get(0).startsWith("unchecked    netty (version unknown)  " + NETTY + "  in " + jar
                + "  -> not checked: the check needs io.netty."), r.toString());
        assertEquals(Scan.INCOMPLETE, r.code);
    }

    @Test
    void aRelocatedJavaWebSocketIsNotFixed() throws Exception {
        Map<String, byte[]> shaded = TestArchives.relocate(javaWebSocketJar, "org/java_websocket/", "shaded/");
        String jar = file("shaded.jar", zip(shaded)).getPath();
        Result r = scan(jar);
        assertEquals(Collections.singletonList("unsupported  java-websocket 1.3.7  shaded.org.java_websocket.drafts"
                + ".Draft_6455  in " + jar + "  -> NOT fixed: a relocated copy; the agent patches"
                + " org.java_websocket.drafts.Draft_6455 under that name only"), r.findings(), r.toString());
    }

    // ---- bad input: one error line each, and the scan goes on

    @Test
    void aMissingPathIsReportedAndTheNextPathIsScanned() throws Exception {
        String missing = new File(dir, "missing.jar").getPath();
        String netty = nettyJarFile();
        Result r = scan(missing, netty);
        assertEquals(Collections.singletonList("error: " + missing + ": no such file or directory"), r.err);
        assertEquals(Collections.singletonList("needs agent  netty 4.0.24.Final  " + NETTY + "  in " + netty + "  "
                + NETTY_FIXED), r.findings());
        assertTrue(r.summary().startsWith("summary: 1 fixed by the agent, 0 not fixed, 1 error; "), r.summary());
        assertEquals(Scan.NEEDS_AGENT, r.code, "a client found decides, whatever could not be read");
    }

    @Test
    void aFileThatIsNotAZip() throws Exception {
        String text = file("notes.jar", "just some text\n".getBytes("UTF-8")).getPath();
        String empty = file("empty.jar", new byte[0]).getPath();
        Result r = scan(text, empty);
        assertEquals(Arrays.asList(
                "error: " + text + ": not a zip archive (it does not start with a zip header)",
                "error: " + empty + ": an empty file, not a zip archive"), r.err);
        assertTrue(r.summary().endsWith("-> incomplete: nothing the agent fixes in what could be read and checked"
                + " (exit 3)"), r.summary());
        assertEquals(Scan.INCOMPLETE, r.code);
    }

    @Test
    void aTruncatedZip() throws Exception {
        String truncated = file("truncated.jar", Arrays.copyOf(nettyJarBytes, nettyJarBytes.length / 2)).getPath();
        Result r = scan(truncated, nettyJarFile());
        assertEquals(1, r.err.size(), r.toString());
        assertTrue(r.err.get(0).startsWith("error: " + truncated + ": a truncated or corrupt zip archive ("),
                r.toString());
        assertEquals(1, r.findings().size(), r.toString());
        assertEquals(Scan.NEEDS_AGENT, r.code);
    }

    @Test
    void aCorruptCentralDirectory() throws Exception {
        byte[] corrupt = nettyJarBytes.clone();
        corrupt[centralDirectory(corrupt) + 2] = 9; // its first header's signature is no longer PK 1 2
        String jar = file("corrupt.jar", corrupt).getPath();
        Result r = scan(jar);
        assertEquals(1, r.err.size(), r.toString());
        assertTrue(r.err.get(0).startsWith("error: " + jar + ": a truncated or corrupt zip archive ("), r.toString());
        assertEquals(Scan.INCOMPLETE, r.code);
    }

    @Test
    void aTruncatedAndACorruptJarInsideAFatJarAreReportedAndTheOtherJarsAreRead() throws Exception {
        byte[] corrupt = zip(map("io/netty/First.class", new byte[1000], "io/netty/Second.class", new byte[1000]));
        int data = indexOf(corrupt, "io/netty/First.class".getBytes("UTF-8")) + "io/netty/First.class".length();
        for (int i = data; i < data + 8; i++) {
            corrupt[i] = (byte) 0xff;
        }
        String app = file("app.jar", zip(map(
                "BOOT-INF/lib/truncated.jar", Arrays.copyOf(nettyJarBytes, nettyJarBytes.length / 2),
                "BOOT-INF/lib/corrupt.jar", corrupt,
                "BOOT-INF/lib/netty-codec-http-4.0.24.Final.jar", nettyJarBytes))).getPath();
        Result r = scan(app);
        assertEquals(2, r.err.size(), r.toString());
        assertTrue(r.err.get(0).matches("error: " + quote(app) + "!/BOOT-INF/lib/truncated\\.jar!/\\S+: truncated \\(.*\\);"
                + " the rest of " + quote(app) + "!/BOOT-INF/lib/truncated\\.jar was not read"), r.toString());
        assertTrue(r.err.get(1).matches("error: " + quote(app) + "!/BOOT-INF/lib/corrupt\\.jar!/io/netty/First\\.class:"
                + " corrupt \\(.*\\); the rest of " + quote(app) + "!/BOOT-INF/lib/corrupt\\.jar was not read"),
                r.toString());
        assertEquals(Collections.singletonList("needs agent  netty 4.0.24.Final  " + NETTY + "  in " + app
                + "!/BOOT-INF/lib/netty-codec-http-4.0.24.Final.jar  " + NETTY_FIXED), r.findings());
        assertEquals(Scan.NEEDS_AGENT, r.code);
    }

    @Test
    void anUnreadableFile() throws Exception {
        File jar = file("secret.jar", nettyJarBytes);
        assumeFalse(!jar.setReadable(false) || jar.canRead(), "this user reads every file (root)");
        Result r = scan(jar.getPath());
        assertEquals(Collections.singletonList("error: " + jar.getPath() + ": cannot be read (permission denied)"),
                r.err);
        assertEquals(Scan.INCOMPLETE, r.code);
    }

    @Test
    void aClassFileThatIsNotOne() throws Exception {
        String jar = file("broken.jar", zip(map(NETTY_PATH, "not a class".getBytes("UTF-8")))).getPath();
        Result r = scan(jar);
        assertEquals(1, r.err.size(), r.toString());
        assertTrue(r.err.get(0).startsWith("error: " + jar + "!/" + NETTY_PATH + ": not a readable class file ("),
                r.toString());
        assertEquals(Scan.INCOMPLETE, r.code);
    }

    // ---- zip bombs

    @Test
    void archivesNestedDeeperThanTheLimitAreNotRead() throws Exception {
        byte[] inner = zip(map(NETTY_PATH, fakeClass(NETTY.replace('.', '/'), "finishHandshake", "()V")));
        byte[] level = inner;
        for (int i = 5; i >= 1; i--) {
            level = zip(map("l" + i + ".jar", level));
        }
        // l1.jar to l4.jar (depth 1 to 4) are read, l5.jar (depth 5) is not
        String top = file("l0.jar", level).getPath();
        String deepest = top + "!/l1.jar!/l2.jar!/l3.jar!/l4.jar!/l5.jar";
        Result r = scan(top, nettyJarFile());
        assertEquals(Collections.singletonList("error: " + deepest + ": an archive nested 5 deep, over the limit of 4;"
                + " not read"), r.err);
        assertEquals(1, r.findings().size(), r.toString());

        String atTheLimit = file("l1.jar", zip(map("l2.jar", zip(map("l3.jar", zip(map("l4.jar", zip(map("l5.jar",
                inner))))))))).getPath();
        Result found = scan(atTheLimit);
        assertEquals(Collections.emptyList(), found.err);
        assertEquals(Collections.singletonList("unsupported  netty (version unknown)  " + NETTY + "  in " + atTheLimit
                + "!/l2.jar!/l3.jar!/l4.jar!/l5.jar  -> NOT fixed: no method finishHandshake(io.netty.channel.Channel,"
                + " io.netty.handler.codec.http.FullHttpResponse)"), found.findings(), found.toString());
    }

    @Test
    void aHugeHighlyCompressibleEntryIsCutAtThePerEntryLimit() throws Exception {
        byte[] zeros = new byte[100 * 1024 * 1024];
        Map<String, byte[]> bomb = new LinkedHashMap<String, byte[]>(nettyJar);
        bomb.put("META-INF/MANIFEST.MF", zeros);
        byte[] bytes = zip(bomb);
        assertTrue(bytes.length < 2 * 1024 * 1024, "100 MiB of zeros compress to " + bytes.length + " bytes");
        String jar = file("bomb.jar", bytes).getPath();
        Result r = scan(jar);
        assertEquals(Collections.singletonList("error: " + jar + "!/META-INF/MANIFEST.MF: more than 64 MiB"
                + " uncompressed, the limit for one entry"), r.err);
        assertEquals(Collections.singletonList("needs agent  netty 4.0.24.Final  " + NETTY + "  in " + jar + "  "
                + NETTY_FIXED), r.findings(), "the other entries are read");
    }

    @Test
    void aHugeEntryInANestedJarStopsThePathAtTheTotalLimitAndTheNextPathIsScanned() throws Exception {
        Limits small = new Limits(4, Limits.MIB, 10 * Limits.MIB, 64 * Limits.MIB, 1000);
        String top = file("outer.jar", zip(map("inner.jar", zip(map("data.bin", new byte[50 * 1024 * 1024]))))).getPath();
        String netty = nettyJarFile();
        Result r = scan(small, top, netty);
        assertEquals(Collections.singletonList("error: " + top + "!/inner.jar!/data.bin: more than 10 MiB uncompressed"
                + " in all, the limit for one path; the rest of " + top + " was not read"), r.err);
        assertEquals(1, r.findings().size(), r.toString());
    }

    @Test
    void tooManyEntries() throws Exception {
        Limits small = new Limits(4, Limits.MIB, Limits.MIB * 1024, 64 * Limits.MIB, 100);
        Map<String, byte[]> many = map();
        for (int i = 0; i < 200; i++) {
            many.put("e" + i, new byte[0]);
        }
        String jar = file("many.jar", zip(many)).getPath();
        Result r = scan(small, jar);
        assertEquals(Collections.singletonList("error: " + jar + "!/e100: more than 100 entries, the limit for one"
                + " path; the rest of " + jar + " was not read"), r.err);
        assertEquals(Scan.INCOMPLETE, r.code);
    }

    // ---- the command line

    @Test
    void usage() {
        Result none = scan();
        assertEquals(Scan.USAGE, none.code);
        assertEquals("scan: no path given", none.err.get(0));
        Result unknown = scan("--verbose", "x.jar");
        assertEquals(Scan.USAGE, unknown.code);
        assertEquals("scan: unknown option --verbose", unknown.err.get(0));
        Result help = scan("--help");
        assertEquals(Scan.NONE, help.code);
        assertTrue(help.out.contains("  1  a strict client that the agent fixes was found: run the application with"
                + " the agent"), help.toString());
    }

    private static String quote(String s) {
        return java.util.regex.Pattern.quote(s);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** The offset of the central directory, as the end record at the end of the zip gives it. */
    private static int centralDirectory(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return (zip[i + 16] & 0xff) | (zip[i + 17] & 0xff) << 8 | (zip[i + 18] & 0xff) << 16
                        | (zip[i + 19] & 0xff) << 24;
            }
        }
        throw new AssertionError("no end record");
    }
}
