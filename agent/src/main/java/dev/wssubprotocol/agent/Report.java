package dev.wssubprotocol.agent;

/**
 * mode=report: one line for each handshake the agent would have rescued, at most {@link #MAX_PER_MINUTE} a
 * minute; the lines held back are counted in the next line printed.
 */
final class Report {
    static final int MAX_PER_MINUTE = 10;

    private static long windowStart;
    private static int inWindow;
    private static long suppressed;

    private Report() {
    }

    static synchronized void wouldRescue(String library, String target, String offered) {
        long now = System.nanoTime();
        if (now - windowStart > 60_000_000_000L) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow >= MAX_PER_MINUTE) {
            suppressed++;
            return;
        }
        inWindow++;
        String held = suppressed == 0 ? "" : " (" + suppressed + " more not shown)";
        suppressed = 0;
        Log.info("report: would rescue " + library + " handshake with " + target + ", offered: " + offered
                + ", server selected none" + held);
    }
}
