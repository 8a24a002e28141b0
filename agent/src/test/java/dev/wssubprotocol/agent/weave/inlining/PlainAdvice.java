package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** The shape of the Akka and Pekko advice: a boolean enter value, an exit advice that runs on returns only. */
public final class PlainAdvice {
    private PlainAdvice() {
    }

    @Advice.OnMethodEnter
    static boolean enter(@Advice.Argument(1) int mode) {
        Events.LOG.add("enter " + mode);
        return mode % 2 == 0;
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter boolean even, @Advice.Return Object returned) {
        Events.LOG.add("exit " + even + " " + returned);
    }
}
