package dev.wssubprotocol.agent.weave;

/** The woven class failed {@link Verification}: the message says where and why; the class stays as it was. */
public final class WeaveRejected extends Exception {
    private static final long serialVersionUID = 1L;

    WeaveRejected(String message) {
        super(message, null, false, false);
    }
}
