package dev.wssubprotocol.agent.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Root attaching to a JVM of another user: the attach runs in a child process with that JVM's uid and gid (Java 8
 * accepts only an attach file and a peer of its own user), started by util-linux's setpriv from /usr/bin or /bin,
 * never a program the target could choose: the child is this command's own java, running this jar's command line
 * from a copy in the JVM's /tmp (readable by every user, see {@link JarCopy}). This command itself keeps its
 * privileges; every file the child makes belongs to the JVM's user, and it makes none but the attach trigger,
 * which it removes.
 */
final class AsUser {
    private AsUser() {
    }

    /** @return true when the child attached (its lines are on out), false when it failed (its line is on err) */
    static boolean run(String pid, Target target, String agentJar, List<String> command, PrintStream out,
                       PrintStream err) throws Failure {
        String setpriv = null;
        for (String candidate : new String[] {"/usr/bin/setpriv", "/bin/setpriv"}) {
            if (new File(candidate).canExecute()) {
                setpriv = candidate;
                break;
            }
        }
        if (setpriv == null) {
            throw new Failure("the JVM runs as uid " + target.uid + " and only accepts an attach from that user, and"
                    + " there is no setpriv (util-linux) to run it as that user; run: sudo -u '#" + target.uid + "' "
                    + java() + " -jar " + agentJar + " " + join(command) + " " + pid);
        }
        if (!target.sameMountNamespace) {
            JarCopy.copy(target.inside("/tmp"), agentJar); // the copy the JVM loads, made here as root
        }
        // the copy the child runs from: in this /tmp, since java resolves /proc/<pid>/root/... to this side's "/"
        Path jar = JarCopy.copy(Paths.get("/tmp"), agentJar);
        List<String> child = new ArrayList<String>();
        child.add(setpriv);
        child.add("--reuid=" + target.uid);
        child.add("--regid=" + target.gid);
        child.add("--clear-groups");
        child.add("--");
        child.add(java());
        child.add("-XX:-UsePerfData");
        child.add("-cp");
        child.add(jar.toString());
        child.add(Cli.class.getName());
        child.addAll(command);
        child.add(pid);
        ProcessBuilder builder = new ProcessBuilder(child).directory(new File("/"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            List<String> errors = new ArrayList<String>();
            Thread stderr = copy(process.getErrorStream(), null, errors);
            copy(process.getInputStream(), out, null).join();
            stderr.join();
            int exit = process.waitFor();
            boolean ran = false;
            for (String line : errors) {
                ran |= line.startsWith("error: ");
            }
            if (exit != 0 && !ran && !errors.isEmpty()) {
                // setpriv, the loader or the java launcher failed: the command line never ran
                throw new Failure("could not run the attach as the JVM's user (uid " + target.uid + "): "
                        + errors.get(0) + "; run this command with a java that user can run");
            }
            for (String line : errors) {
                err.println(line);
            }
            return exit == 0;
        } catch (IOException e) {
            throw new Failure("could not start " + setpriv + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String word : words) {
            sb.append(sb.length() == 0 ? "" : " ").append(word.contains(" ") ? "'" + word + "'" : word);
        }
        return sb.toString();
    }

    private static Thread copy(final InputStream in, final PrintStream out, final List<String> lines) {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (out != null) {
                            out.println(line);
                        } else {
                            synchronized (lines) {
                                lines.add(line);
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
