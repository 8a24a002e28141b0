package dev.wssubprotocol.it.driver;

/**
 * A JVM that only waits, for the attach tests that need a second main class or no client library: prints
 * {@code READY <pid>} and exits at the end of stdin or on "quit".
 */
public final class IdleTarget {
    public static void main(String[] args) throws Exception {
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            System.out.println("UNKNOWN " + line);
            System.out.flush();
        }
    }
}
