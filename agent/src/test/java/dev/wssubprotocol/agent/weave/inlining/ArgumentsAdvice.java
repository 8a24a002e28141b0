package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/**
 * Arguments only, so it fits every target shape (static, any return type): the enter advice assigns to one; the
 * exit advice reads all three, on returns and throwables.
 */
public final class ArgumentsAdvice {
    private ArgumentsAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(value = 0, readOnly = false) String text, @Advice.Argument(1) int mode) {
        Events.LOG.add("enter " + text + " " + mode);
        text = text + "+e";
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Argument(0) String text,
                     @Advice.Argument(1) int mode,
                     @Advice.Argument(2) long step,
                     @Advice.Thrown Throwable thrown) {
        Events.LOG.add("exit " + text + " " + mode + " " + step + " " + thrown);
    }
}
