package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** Every binding the inliner supports, with exit on throwables and suppression on both sides. */
public final class FullAdvice {
    private FullAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static String enter(@Advice.This Object self,
                        @Advice.Argument(value = 0, readOnly = false) String text,
                        @Advice.Argument(1) int mode,
                        @Advice.FieldValue(value = "field", readOnly = false) String field) {
        Events.LOG.add("enter " + self.getClass().getSimpleName() + " " + text + " " + mode + " " + field);
        if (mode == 3) {
            throw new IllegalArgumentException("thrown by the enter advice");
        }
        int sum = 0;
        for (int i = 0; i < mode; i++) {
            sum += i;
        }
        text = text + "+" + sum;
        field = "F";
        return "entered";
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter String entered,
                     @Advice.Return Object returned,
                     @Advice.Thrown Throwable thrown,
                     @Advice.Argument(0) String text,
                     @Advice.FieldValue(value = "counter", readOnly = false) long counter) {
        Events.LOG.add("exit " + entered + " " + returned + " " + thrown + " " + text + " " + counter);
        counter = counter * 10;
        if ("x+0".equals(text)) {
            throw new IllegalArgumentException("thrown by the exit advice");
        }
    }
}
