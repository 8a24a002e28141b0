package dev.wssubprotocol.agent.weave.inlining;

/** Assigns to its parameters (of both sizes) before it returns or throws: an exit advice sees them as on entry. */
public class Reassigning {
    String field = "f";
    long counter;

    public String run(String text, int mode, long step) {
        text = text + "?";
        for (int i = 0; i < mode; i++) {
            step += i;
            mode--;
        }
        counter = step;
        if (mode == 1) {
            throw new IllegalStateException("thrown by the method " + text);
        }
        return text + ":" + field + ":" + step + ":" + mode;
    }
}
