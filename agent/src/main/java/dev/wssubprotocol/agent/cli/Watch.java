package dev.wssubprotocol.agent.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code attach --all --watch}: attaches to every matching JVM now, then looks again every interval and attaches to
 * each JVM that appeared since. A JVM is tried once (by pid and start time, so a reused pid is a new JVM); the
 * JDK's own short-lived tools are skipped; a JVM younger than a second is left for the next round, so that it has
 * finished starting. SIGTERM (or Ctrl-C) ends it between two JVMs, with a last line.
 */
final class Watch {
    /** jps, jcmd, jstack, jinfo, jstat, jmap, keytool, jar, javac, jshell, jlink... by their main class. */
    static final Pattern JDK_TOOL = Pattern.compile("(^|/)(sun\\.tools\\.|sun\\.security\\.tools\\.|com\\.sun\\.tools\\."
            + "|jdk\\.internal\\.jshell\\.|jdk\\.tools\\.|jdk\\.jfr\\.internal\\.tool\\.|sun\\.jvm\\.hotspot\\.)");
    private static final long MIN_AGE_MILLIS = 1000;

    private Watch() {
    }

    static int run(Args args, String options, PrintStream out, PrintStream err) throws Args.Usage, Failure {
        long intervalMillis = interval(args.get("--interval"));
        Pattern main = args.pattern("--main");
        Pattern excludeMain = args.pattern("--exclude-main");
        final Jvms jvms = Cli.jvms("attach" + (options == null ? "" : " --options '" + options + "'"));
        final CountDownLatch stopped = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                stopped.countDown(); // no interrupt: an attach under way finishes, then the loop ends
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
            }
        }, "watch-stop"));
        Set<String> seen = new HashSet<String>();
        int attached = 0;
        out.println("watching for JVMs" + (main == null ? "" : " with main matching '" + main + "'")
                + (excludeMain == null ? "" : ", not '" + excludeMain + "'") + ", every " + intervalMillis / 1000.0
                + " s; SIGTERM stops");
        out.flush();
        try {
            while (stopped.getCount() > 0) {
                try {
                    attached += round(jvms, seen, main, excludeMain, options, stopped, out, err);
                } catch (Failure | RuntimeException e) {
                    if (stopped.getCount() > 0) {
                        throw e;
                    }
                    break; // stopping: the JDK refuses some work during shutdown ("Shutdown in progress")
                }
                try {
                    stopped.await(intervalMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
            }
            return Cli.OK;
        } finally {
            out.println("watch stopped; attached to " + attached + " JVM(s)");
            out.flush();
            done.countDown();
        }
    }

    /** One look at the JVMs: attaches to those not seen before; returns how many it attached. */
    private static int round(final Jvms jvms, Set<String> seen, Pattern main, Pattern excludeMain,
                             final String options, CountDownLatch stopped, PrintStream out, PrintStream err)
            throws Failure {
        int attached = 0;
        jvms.refresh();
        for (String pid : jvms.select(main, excludeMain)) {
            String key = pid + "@" + startTime(pid);
            if (stopped.getCount() == 0 || seen.contains(key)) {
                continue;
            }
            if (JDK_TOOL.matcher(Jvms.mainOf(jvms.listed().get(pid))).find()) {
                seen.add(key);
                continue;
            }
            if (ageMillis(pid) < MIN_AGE_MILLIS) {
                continue; // next round
            }
            seen.add(key);
            if (Cli.each(AttachCommand.command(options), java.util.Collections.singletonList(pid),
                    p -> AttachCommand.attach(jvms, p, options), out, err) == Cli.OK) {
                attached++;
            }
            out.flush();
            err.flush();
        }
        return attached;
    }

    private static long interval(String value) throws Args.Usage {
        if (value == null) {
            return 5000;
        }
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0.1 && seconds <= 3600) {
                return (long) (seconds * 1000);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Args.Usage("--interval takes seconds between 0.1 and 3600, not '" + value + "'");
    }

    /** The process's start time in clock ticks since boot (field 22 of /proc/&lt;pid&gt;/stat), or "?". */
    private static String startTime(String pid) {
        String stat = Target.read(Paths.get("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split(" ");
        return fields.length > 19 ? fields[19] : "?";
    }

    private static long ageMillis(String pid) {
        try {
            return System.currentTimeMillis()
                    - Files.getLastModifiedTime(Paths.get("/proc", pid)).toMillis();
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }
}
