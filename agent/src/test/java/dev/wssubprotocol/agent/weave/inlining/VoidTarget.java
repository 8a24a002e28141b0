package dev.wssubprotocol.agent.weave.inlining;

/** Returns nothing, from two places. */
public class VoidTarget {
    public void run(String text, int mode, long step) {
        if (mode == 1) {
            throw new IllegalStateException("thrown by the method");
        }
        if (mode == 2) {
            Events.LOG.add("void returns early " + text);
            return;
        }
        Events.LOG.add("void " + text + " " + step);
    }
}
