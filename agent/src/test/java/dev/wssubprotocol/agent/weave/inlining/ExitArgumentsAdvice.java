package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** Exit only, reading the arguments: without an enter advice the copies are taken at the method's first byte. */
public final class ExitArgumentsAdvice {
    private ExitArgumentsAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Argument(0) String text, @Advice.Argument(1) int mode, @Advice.Argument(2) long step) {
        Events.LOG.add("exit " + text + " " + mode + " " + step);
    }
}
