package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** Reads a long return value. */
public final class LongReturnAdvice {
    private LongReturnAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Return long returned, @Advice.Argument(2) long step) {
        Events.LOG.add("exit " + returned + " " + step);
    }
}
