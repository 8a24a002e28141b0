package dev.wssubprotocol.agent.weave.inlining;

/**
 * A method with what the inliner must keep intact: locals of both sizes after the parameters, loops (stack map
 * frames), its own try/catch, several returns, and a throw.
 */
public class Target {
    String field = "f";
    long counter;

    public String run(String text, int mode, long step) {
        long total = step;
        for (int i = 0; i < mode; i++) {
            total += i;
        }
        counter = total;
        if (mode == 1) {
            throw new IllegalStateException("thrown by the method");
        }
        if (mode == 4) {
            try {
                Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return "caught by the method";
            }
        }
        double ratio = total / 2.0;
        return text + ":" + field + ":" + ratio;
    }
}
