package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.driver.AttachTarget;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Root attaching to a JVM of user "nobody". A Java 8 JVM accepts only an attach file and a socket peer of its own
 * uid and gid, so the command runs the attach in a child process as that user (setpriv, with the command's own
 * java); the jar is read from a root-only folder, which the JVM cannot read, and reaches it as a copy in /tmp.
 */
class AttachOtherUserIT {
    static Stream<Jdks.Jdk> targetJdks() {
        return Stream.of(8, 17).map(AttachAcrossJdksIT::jdk).filter(Optional::isPresent).map(Optional::get);
    }

    @ParameterizedTest(name = "target on {0}")
    @MethodSource("targetJdks")
    void rootIntoNobodysJvm(Jdks.Jdk jdk) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Paths.get("/usr/bin/setpriv")),
                "needs root and setpriv to run a JVM as another user");
        Jdks.Jdk host = AttachAcrossJdksIT.jdk(17).orElseThrow();
        Jdks.Jdk targetJdk = OtherUser.readable(jdk);
        List<Path> classpath = OtherUser.readableClasspath("nobody-classes-" + jdk.major(),
                AttachIT.Library.NETTY.classpath());
        Path rootOnly = Files.createTempDirectory("root-only"); // 0700: nobody cannot read the jar there
        Path jar = Files.copy(Fork.AGENT_JAR, rootOnly.resolve("ws-subprotocol-agent.jar"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        Path copy = Paths.get("/tmp/ws-subprotocol-agent-" + hash.substring(0, 16) + ".jar");
        try (TargetJvm target = TargetJvm.start(OtherUser.setpriv(), targetJdk, List.of(), classpath,
                AttachTarget.class.getName(), AttachIT.Library.NETTY.driver.getName(), AttachIT.RAW.base() + "/omit")) {
            assertEquals("nobody", Files.getOwner(Paths.get("/proc/" + target.pid)).getName());
            String original = target.send("try");
            assertTrue(original.startsWith("TRY FAIL "), original);

            Fork.Result attach = TargetJvm.cli(List.of(), host.java(), List.of(), jar, "attach", target.pid);
            assertEquals(0, attach.exitCode(), attach.describe());
            assertEquals(List.of(), attach.stderr(), attach.describe());
            assertTrue(attach.stdout().get(0).startsWith(AttachIT.head(target, AttachTarget.class.getName(), jdk)),
                    attach.describe());
            assertTrue(attach.stdout().get(0).contains("): attached; active " + AttachIT.VERSION), attach.describe());
            assertEquals(AttachIT.Library.NETTY.rescued(), target.send("try"));
            assertTrue(target.stderr().stream().anyMatch(l -> l.contains("active: ")), target.stderr().toString());

            Fork.Result status = TargetJvm.cli(List.of(), host.java(), List.of(), jar, "status", target.pid);
            assertEquals(0, status.exitCode(), status.describe());
            assertTrue(status.stdout().contains("  rescued:  1 handshake(s) since the JVM started"), status.describe());

            Fork.Result detach = TargetJvm.cli(List.of(), host.java(), List.of(), jar, "detach", target.pid);
            assertEquals(0, detach.exitCode(), detach.describe());
            assertEquals(original, target.send("try"));

            // the copy the JVM loaded stays, root's and only readable by others; no attach file is left
            assertTrue(Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS), copy.toString());
            assertEquals("root", Files.getOwner(copy).getName());
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
            assertEquals(List.of(), target.attachLeftovers());

            // a java that nobody cannot run (the Java 8 JDK under root's home): one line naming cause and fix
            Optional<Jdks.Jdk> hidden = AttachAcrossJdksIT.jdk(21).filter(j -> !j.home().startsWith("/usr/"));
            if (hidden.isPresent()) {
                Fork.Result refused = TargetJvm.cli(List.of(), hidden.get().java(), List.of(), jar, "attach", target.pid);
                assertEquals(1, refused.exitCode(), refused.describe());
                assertEquals(1, refused.stderr().size(), refused.describe());
                assertTrue(refused.stderr().get(0).startsWith("error: pid " + target.pid + ": could not run the attach as"
                        + " the JVM's user (uid "), refused.describe());
                assertTrue(refused.stderr().get(0).endsWith("; run this command with a java that user can run"),
                        refused.describe());
            }
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(rootOnly);
        }
    }
}
