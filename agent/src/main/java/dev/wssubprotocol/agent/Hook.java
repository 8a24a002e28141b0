package dev.wssubprotocol.agent;

/**
 * The one call from patched library code back into the agent.
 * <p>
 * Advice is inlined into the library's classes, which may live in any class loader, so it cannot link against
 * this class. It reaches it by name through the system class loader, where both {@code -javaagent} and a
 * runtime attach put the agent jar, using only JDK reflection. When that call fails the advice does nothing
 * and the library behaves exactly as without the agent. It is loaded on the first such call, not at start-up;
 * what it needs to know (active? report only?) is the agent's {@link Status}.
 */
public final class Hook {
    /** Compile-time constants: javac copies them into the advice, which keeps the advice free of agent types. */
    public static final String CLASS_NAME = "dev.wssubprotocol.agent.Hook";
    public static final String RESCUE = "rescue";
    public static final String RESCUED = "rescued";
    public static final String RETRY = "retry";
    public static final String RETRY_EMPTY = "retryEmpty";
    public static final String FINISHED = "finished";
    public static final String RESCUE_EMPTY = "rescueEmpty";

    /** the library whose handshake this thread is retrying, or null: a call inside a retry is never rescued */
    private static final ThreadLocal<String> RETRYING = new ThreadLocal<String>();

    private Hook() {
    }

    /**
     * Called by advice when a handshake that offered subprotocols got a response without
     * {@code Sec-WebSocket-Protocol}: may the advice let it through?
     *
     * @param library the patch id
     * @param target  where the client connects, for the report
     * @param offered the subprotocols the client offered
     * @return TRUE to rescue the handshake, FALSE to leave the library's own outcome alone
     */
    public static Boolean rescue(String library, String target, String offered) {
        if (!Status.active()) {
            return Boolean.FALSE;
        }
        if (Status.reportOnly()) {
            Report.wouldRescue(library, target, offered);
            return Boolean.FALSE;
        }
        Log.debug("rescuing " + library + " handshake with " + target + " (offered: " + offered + ")");
        return Boolean.TRUE;
    }

    /**
     * {@link #rescue} for an advice that rescues by calling the method again: TRUE also marks this thread until the
     * advice calls {@link #finished} (in a finally block), and while it is marked the answer is FALSE, so the
     * method is called again once at most, whatever the library does (a {@code headers()} that returns a copy,
     * say, on which the injected header never sticks).
     */
    public static Boolean retry(String library, String target, String offered) {
        return RETRYING.get() == null ? markRetrying(library, rescue(library, target, offered)) : Boolean.FALSE;
    }

    /** {@link #retry} for an empty or whitespace-only header: {@link #rescueEmpty} decides. */
    public static Boolean retryEmpty(String library, String target, String offered) {
        return RETRYING.get() == null ? markRetrying(library, rescueEmpty(library, target, offered)) : Boolean.FALSE;
    }

    /** TRUE, with this thread marked as retrying, when the rescue said so; else FALSE. */
    private static Boolean markRetrying(String library, Boolean rescue) {
        if (!Boolean.TRUE.equals(rescue)) {
            return Boolean.FALSE;
        }
        RETRYING.set(library);
        return Boolean.TRUE;
    }

    /** Called by advice, in a finally block, after {@link #retry} said TRUE. */
    public static void finished() {
        RETRYING.remove();
    }

    /**
     * Called by advice when a handshake that offered subprotocols got a response whose {@code Sec-WebSocket-Protocol}
     * is empty or only whitespace, and the library rejects it: may the advice treat it as a missing header?
     * Only with empty=absent; otherwise as {@link #rescue}'s FALSE.
     */
    public static Boolean rescueEmpty(String library, String target, String offered) {
        if (!Status.emptyIsAbsent()) {
            return Boolean.FALSE;
        }
        return rescue(library, target, offered + "; server sent an empty Sec-WebSocket-Protocol");
    }

    /** Called by advice after a rescued handshake has passed the library's check. */
    public static void rescued(String library) {
        Status.rescued();
    }
}
