package dev.wssubprotocol.agent.weave;

/**
 * The class has the method, but this version never rejects a response without {@code Sec-WebSocket-Protocol}
 * (see {@link StrictCheck}): it does not need the agent and is left unchanged. The message says why.
 */
public final class NotStrict extends Exception {
    private static final long serialVersionUID = 1L;

    NotStrict(String message) {
        super(message, null, false, false);
    }
}
