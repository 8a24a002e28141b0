package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** The shape of the Netty advice: exit only; on a throwable, the method is called again and the throwable dropped. */
public final class ExitOnlyAdvice {
    private ExitOnlyAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Target self,
                     @Advice.Argument(0) String text,
                     @Advice.Argument(1) int mode,
                     @Advice.Argument(2) long step,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        Events.LOG.add("exit " + mode + " " + thrown);
        if (thrown != null && mode == 1) {
            Events.LOG.add("again " + self.run(text, 0, step));
            thrown = null;
        }
    }
}
