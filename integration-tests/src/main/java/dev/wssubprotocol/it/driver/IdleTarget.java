package dev.wssubprotocol.it.driver;

/**
 * A JVM that only waits, for the attach tests that need a second main class or no client library: prints
 * {@code READY <pid>} and exits at the end of stdin or on "quit". Java 8 level: it runs on every JDK under test.
 */
public final class IdleTarget {
    /** This JVM's pid, as Java 8 can tell it (ProcessHandle is Java 9): "pid@host" from the runtime MXBean. */
    static String pid() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
    }

    public static void main(String[] args) throws Exception {
        System.out.println("READY " + pid());
        System.out.flush();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            System.out.println("UNKNOWN " + line);
            System.out.flush();
        }
    }
}
