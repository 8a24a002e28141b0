package dev.wssubprotocol.agent.cli;

/** Why one target could not end as asked: a message for one line of stderr, no stack trace. */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
        super(message);
    }
}
