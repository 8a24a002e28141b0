package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code attach --all --watch}: JVMs that start after the command are attached, each once, with one line each; a
 * JDK tool that matches the filter (jstat, which keeps running) is skipped; SIGTERM stops it with a last line.
 * The filter keeps the watch to this test's JVMs: other JVMs on the machine are not the test's to patch.
 */
class AttachWatchIT {
    @Test
    void attachesToJvmsThatStartLater() throws Exception {
        Jdks.Jdk host = AttachAcrossJdksIT.jdk(17).orElse(Jdks.all().get(0));
        Jdks.Jdk old = AttachAcrossJdksIT.jdk(8).orElse(host);
        List<String> command = List.of(host.java().toString(), "-jar", Fork.AGENT_JAR.toString(), "attach", "--all",
                "--watch", "--main", "^dev\\.wssubprotocol\\.it\\.driver\\.AttachTarget$|sun\\.tools\\.jstat\\.",
                "--interval", "0.5");
        Process watch = new ProcessBuilder(command).start();
        List<String> out = pump(watch, false);
        List<String> err = pump(watch, true);
        Process jstat = null;
        try (TargetJvm first = AttachIT.Library.NETTY.start(old)) {
            waitFor(out, "watching for JVMs with main matching ");
            String line = waitFor(out, "pid " + first.pid + " (");
            assertTrue(line.contains("): attached; active " + AttachIT.VERSION), line);
            assertEquals(AttachIT.Library.NETTY.rescued(), first.send("try"));

            jstat = new ProcessBuilder(host.home().resolve("bin/jstat").toString(), "-gcutil",
                    String.valueOf(first.pid), "1000").start();
            try (TargetJvm second = AttachIT.Library.JAVA_WEBSOCKET.start(host)) {
                String next = waitFor(out, "pid " + second.pid + " (");
                assertTrue(next.contains("): attached; active " + AttachIT.VERSION), next);
                assertEquals(AttachIT.Library.JAVA_WEBSOCKET.rescued(), second.send("try"));
                Thread.sleep(3000); // several more rounds

                Fork.Result status = TargetJvm.cli(host, "status", first.pid, second.pid);
                assertEquals(0, status.exitCode(), status.describe());
                assertEquals(2, status.stdout().stream()
                        .filter(l -> l.equals("  rescued:  1 handshake(s) since the JVM started")).count(),
                        status.describe());
                // each JVM once, and the JDK tool never
                for (TargetJvm target : List.of(first, second)) {
                    assertEquals(1, out.stream().filter(l -> l.startsWith("pid " + target.pid + " (")).count(),
                            out.toString());
                    assertEquals(1, target.count("[ws-subprotocol-agent] " + AttachIT.VERSION + " active: "),
                            target.stderr().toString());
                }
                long jstatPid = jstat.pid();
                assertTrue(jstat.isAlive());
                assertTrue(out.stream().noneMatch(l -> l.startsWith("pid " + jstatPid + " ")), out.toString());
            }
            // SIGTERM, as Kubernetes sends it (Process.destroy would also close the pipes this test reads)
            assertEquals(0, Fork.exec(List.of("kill", "-TERM", String.valueOf(watch.pid()))).exitCode());
            assertTrue(watch.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
            assertEquals(143, watch.exitValue(), "128 + SIGTERM");
            Thread.sleep(500);
            assertEquals("watch stopped; attached to 2 JVM(s)", out.get(out.size() - 1), out.toString());
            assertEquals(List.of(), err);
        } finally {
            watch.destroyForcibly();
            if (jstat != null) {
                jstat.destroyForcibly();
            }
        }
    }

    private static String waitFor(List<String> lines, String prefix) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in 60 s: " + lines);
    }

    private static List<String> pump(Process process, boolean stderr) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    stderr ? process.getErrorStream() : process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // ended
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }
}
