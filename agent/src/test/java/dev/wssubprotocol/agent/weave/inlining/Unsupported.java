package dev.wssubprotocol.agent.weave.inlining;

import net.bytebuddy.asm.Advice;

/** Advice the inliner must refuse rather than weave wrongly. */
public final class Unsupported {
    private Unsupported() {
    }

    /** A binding it does not implement. */
    public static final class Origin {
        @Advice.OnMethodEnter
        static void enter(@Advice.Origin String method) {
            Events.LOG.add(method);
        }
    }

    /** A call into the advice class, which does not exist in the target's class loader. */
    public static final class Helper {
        @Advice.OnMethodEnter
        static void enter() {
            helper();
        }

        static void helper() {
        }
    }

    /** An assignment to a read-only argument. */
    public static final class ReadOnly {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String text) {
            text = "changed";
            Events.LOG.add(text);
        }
    }
}
