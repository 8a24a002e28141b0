package dev.wssubprotocol.agent.weave.inlining;

/** Returns a double: the return value takes two slots. */
public class DoubleTarget {
    public double run(String text, int mode, long step) {
        if (mode == 1) {
            throw new IllegalStateException("thrown by the method");
        }
        double total = step;
        for (int i = 0; i < mode; i++) {
            total = total / 2 + i;
        }
        return mode == 4 ? -total : total + text.length();
    }
}
