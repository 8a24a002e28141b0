package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** Reads a double return value. */
public final class DoubleReturnAdvice {
    private DoubleReturnAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Return double returned, @Advice.Thrown Throwable thrown) {
        Events.LOG.add("exit " + returned + " " + thrown);
    }
}
