package dev.wssubprotocol.it.attach;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A long-running forked JVM that the attach tests talk to on stdin/stdout (AttachTarget, IdleTarget), started in
 * a directory of its own so that a leftover {@code .attach_pid<pid>} file in its working directory can be seen.
 * The attach benchmark uses it too.
 */
public final class TargetJvm implements AutoCloseable {
    private static final long LINE_TIMEOUT_SECONDS = 120;

    /** The JVM's pid as this machine sees it (for a JVM in its own PID namespace, not the one it prints). */
    public long pid;
    /** The pid the JVM prints in its READY line: its own, which differs in its own PID namespace. */
    long nsPid;
    final Path workDir;
    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private TargetJvm(Process process, Path workDir) {
        this.process = process;
        this.pid = process.pid();
        this.workDir = workDir;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        pump(process.getInputStream(), stdout::add);
        pump(process.getErrorStream(), stderr::add);
    }

    /**
     * @param prefix what goes before {@code java} on the command line (e.g. to run it as another user), or empty
     */
    static TargetJvm start(List<String> prefix, Jdks.Jdk jdk, List<String> jvmOptions, List<Path> classpath,
                           String mainClass, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(jdk.java().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Path workDir = Files.createTempDirectory("attach-target");
            workDir.toFile().setReadable(true, false);
            workDir.toFile().setExecutable(true, false);
            workDir.toFile().setWritable(true, false);
            ProcessBuilder builder = Fork.processBuilder(command).directory(workDir.toFile());
            TargetJvm jvm = new TargetJvm(builder.start(), workDir);
            String ready = jvm.next();
            if (!ready.startsWith("READY ")) {
                throw new AssertionError("target did not start: " + ready + "\n" + String.join("\n", jvm.stderr));
            }
            jvm.nsPid = Long.parseLong(ready.substring("READY ".length()).trim());
            if (jvm.nsPid != jvm.pid) {
                // started by a program that forks (unshare): the JVM is the java among its descendants
                jvm.pid = ProcessHandle.of(jvm.pid).orElseThrow().descendants()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                        .findFirst().orElseThrow(() -> new AssertionError("no java under " + command)).pid();
            }
            return jvm;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TargetJvm start(Jdks.Jdk jdk, List<String> jvmOptions, List<Path> classpath, String mainClass,
                                  String... args) {
        return start(List.of(), jdk, jvmOptions, classpath, mainClass, args);
    }

    /** Sends one command and returns the next line the target prints. */
    public String send(String command) {
        stdin.println(command);
        return next();
    }

    void write(String command) {
        stdin.println(command);
    }

    /** The next line on the target's stdout; fails the test when none comes in time. */
    String next() {
        try {
            String line = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
            while (line == null && System.nanoTime() < deadline) {
                boolean alive = process.isAlive();
                line = stdout.poll(1, TimeUnit.SECONDS);
                if (line == null && !alive) {
                    Thread.sleep(200); // its last lines may still be on their way through the pump
                    line = stdout.poll();
                    break;
                }
            }
            if (line == null) {
                throw new AssertionError("no line from pid " + pid + " within " + LINE_TIMEOUT_SECONDS
                        + " s (alive: " + process.isAlive() + ")\n" + String.join("\n", stderr));
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    List<String> agentLines() {
        return stderr.stream().filter(l -> l.startsWith("[ws-subprotocol-agent]")).collect(Collectors.toList());
    }

    long count(String stderrPrefix) {
        return stderr.stream().filter(l -> l.startsWith(stderrPrefix)).count();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Files the attach API may leave behind for this pid: .attach_pid<pid> in the working directory or /tmp. */
    List<Path> attachLeftovers() {
        List<Path> found = new ArrayList<>(leftovers(pid, workDir));
        for (Path own : List.of(workDir.resolve(".attach_pid" + nsPid),
                Paths.get("/proc/" + pid + "/root/tmp/.attach_pid" + nsPid))) {
            if (nsPid != pid && Files.exists(own)) {
                found.add(own);
            }
        }
        return found;
    }

    static List<Path> leftovers(long pid, Path workDir) {
        return Stream.of(workDir, Paths.get("/tmp"))
                .map(dir -> dir.resolve(".attach_pid" + pid)).filter(Files::exists).collect(Collectors.toList());
    }

    @Override
    public void close() {
        try {
            stdin.println("quit");
            stdin.close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pump(InputStream stream, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "target-output");
        t.setDaemon(true);
        t.start();
    }

    /** {@code java -jar ws-subprotocol-agent.jar <args>} on a JDK, as an operator runs it. */
    static Fork.Result cli(Jdks.Jdk jdk, Object... args) {
        return cli(List.of(), jdk, List.of(), args);
    }

    static Fork.Result cli(List<String> prefix, Jdks.Jdk jdk, List<String> jvmOptions, Object... args) {
        return cli(prefix, jdk.java(), jvmOptions, Fork.AGENT_JAR, args);
    }

    /** The same with any java and any copy of the agent jar. */
    static Fork.Result cli(List<String> prefix, Path java, List<String> jvmOptions, Path jar, Object... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return Fork.exec(command);
    }
}
