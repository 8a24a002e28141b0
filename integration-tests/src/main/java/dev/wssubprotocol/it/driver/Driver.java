package dev.wssubprotocol.it.driver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every {@link Case} with one client library in this JVM and prints one line per case on stdout:
 * {@code CASE <mode>:<case> OK subprotocol=<null|"value"> echo=<text>} or {@code CASE <mode>:<case> FAIL <error>}.
 * Arguments: {@code <raw server base URI> <library server base URI> [mode,mode...] [HTTP/2 server base URI]}; the
 * modes are the driver's ways of using its library (one fork runs them all).
 */
public abstract class Driver {
    public static final String MESSAGE = "hello";
    static final long TIMEOUT_SECONDS = 10;

    /** Connect, send {@link #MESSAGE}, wait for the echo, close; return "OK ..." or throw. */
    protected abstract String exchange(Case c, String uri, String mode) throws Exception;

    protected void shutdown() throws Exception {
    }

    /**
     * Where a case connects in a mode: the raw or the library server, as the case says. A fourth argument, when
     * given, is the base URI of a server that speaks HTTP/2 and answers every case's path.
     */
    protected String uri(Case c, String mode, String[] args) {
        return c.uri(args[0], args[1]);
    }

    /**
     * System property: after every case has run (the target classes are loaded and have run), print the status
     * and {@value #ATTACH_MARK} on stderr, {@value #READY} and the pid on stdout, wait for a line {@code go} on
     * stdin (sent once the agent has been attached at run time) and run every case again.
     */
    public static final String ATTACH_ROUND = "ws.it.attachRound";
    public static final String READY = "READY ";
    public static final String ATTACH_MARK = "ATTACH ROUND";

    protected final void run(String[] args) throws Exception {
        String[] modes = (args.length > 2 ? args[2] : "default").split(",");
        cases(modes, args);
        if (Boolean.getBoolean(ATTACH_ROUND)) {
            System.err.println("STATUS " + System.getProperty("ws.subprotocol.agent.status"));
            System.err.println(ATTACH_MARK);
            System.err.flush();
            System.out.println(READY + IdleTarget.pid());
            System.out.flush();
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!"go".equals(go)) {
                System.err.println("expected go on stdin, got: " + go);
                System.exit(3);
            }
            cases(modes, args);
        }
        shutdown();
        // what the agent says it did, as an application (or jcmd) would read it; "null" without the agent
        System.err.println("STATUS " + System.getProperty("ws.subprotocol.agent.status"));
        System.exit(0);
    }

    private void cases(String[] modes, String[] args) {
        for (String mode : modes) {
            for (Case c : Case.values()) {
                String outcome;
                try {
                    outcome = exchange(c, uri(c, mode, args), mode);
                } catch (Throwable t) {
                    outcome = "FAIL " + describe(t);
                }
                System.out.println("CASE " + mode + ":" + c.name() + " " + outcome);
                System.out.flush();
            }
        }
    }

    /** A success, with the subprotocol as the application sees it: null, or the value in quotes. */
    protected static String ok(String subprotocol, String echo) {
        return okShown(subprotocol == null ? "null" : "\"" + subprotocol + "\"", echo);
    }

    /** A success, for libraries whose API does not report the subprotocol as a String (e.g. "Optional.empty"). */
    protected static String okShown(String shown, String echo) {
        return "OK subprotocol=" + shown + " echo=" + echo;
    }

    protected static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + TIMEOUT_SECONDS + " s");
        }
    }

    /**
     * The error chain as a user would read it: class and message of each cause. Values that differ from run to
     * run for reasons that have nothing to do with the handshake (identity hash codes, Netty channel ids, local
     * ports, the accept key expected for the client's random Sec-WebSocket-Key) are replaced, so that two runs
     * of the same case compare equal.
     */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable cause = t; cause != null && sb.length() < 2000; cause = cause.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- ").append(cause.getClass().getName()).append(": ")
                    .append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return normalize(sb.toString());
    }

    static String normalize(String text) {
        return text.replace('\n', ' ').replace('\r', ' ')
                .replaceAll("@[0-9a-f]{4,8}\\b", "@<hash>")
                .replaceAll("0x[0-9a-f]{8}", "0x<id>")
                .replaceAll("L:/127\\.0\\.0\\.1:\\d+", "L:/127.0.0.1:<port>")
                // an HTTP date (a Date header that a library quotes with the response, e.g. Helidon's)
                .replaceAll("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "<date>")
                // the accept value expected for the random key, in any library's wording (the test server's
                // constant wrong value AAAA...= stays), and the random Sec-WebSocket-Key itself
                .replaceAll("(?<![A-Za-z0-9+/])(?!A{27}=)[A-Za-z0-9+/]{27}=", "<accept key>")
                .replaceAll("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{22}==", "<key>");
    }
}
