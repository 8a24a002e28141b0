package dev.wssubprotocol.agent.weave.inlining;

/** Returns a long: the return value takes two slots. */
public class LongTarget {
    public long run(String text, int mode, long step) {
        if (mode == 1) {
            throw new IllegalStateException("thrown by the method");
        }
        long total = step;
        for (int i = 0; i < mode; i++) {
            total += i * 3L;
        }
        return total + text.length();
    }
}
