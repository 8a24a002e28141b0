package dev.wssubprotocol.agent.weave;

/** The class does not have the shape the advice was written for; the message says what differs. */
public final class ShapeMismatch extends Exception {
    private static final long serialVersionUID = 1L;

    ShapeMismatch(String message) {
        super(message, null, false, false);
    }
}
