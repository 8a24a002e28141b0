package dev.wssubprotocol.agent;

/**
 * The agent's only output: short lines on stderr with a fixed prefix. No logging framework on purpose:
 * touching java.util.logging, SLF4J or Log4j from an agent initialises the application's logging too early.
 * Nothing is ever written to stdout.
 */
public final class Log {
    public static final String PREFIX = "[ws-subprotocol-agent] ";

    /** quiet = 0, info = 1, debug = 2. */
    private static volatile int level = 1;

    private Log() {
    }

    static void setLevel(int newLevel) {
        level = newLevel;
    }

    public static void info(String message) {
        if (level >= 1) {
            System.err.println(PREFIX + message);
        }
    }

    public static void warn(String message) {
        if (level >= 1) {
            System.err.println(PREFIX + "WARNING: " + message);
        }
    }

    public static void debug(String message) {
        if (level >= 2) {
            System.err.println(PREFIX + "debug: " + message);
        }
    }

    /** Configuration errors are printed whatever the level: the operator asked for something that is not done. */
    static void configError(String message) {
        System.err.println(PREFIX + "ERROR: " + message);
    }

    /** An unexpected failure inside the agent, reported in one line and never thrown into the application. */
    public static void failure(String what, Throwable t) {
        if (level >= 1) {
            System.err.println(PREFIX + "ERROR: " + what + ": " + t);
            if (level >= 2) {
                t.printStackTrace();
            }
        }
    }
}
