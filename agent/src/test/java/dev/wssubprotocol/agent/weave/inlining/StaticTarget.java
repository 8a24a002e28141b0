package dev.wssubprotocol.agent.weave.inlining;

/** A static method: no {@code this} in slot 0. */
public class StaticTarget {
    public static String run(String text, int mode, long step) {
        if (mode == 1) {
            throw new IllegalStateException("thrown by the method");
        }
        long total = step;
        for (int i = 0; i < mode; i++) {
            total += i;
        }
        return text + ":" + total;
    }
}
