package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.Type;

/** How one advice parameter is bound. */
final class Binding {
    static final int THIS = 1;
    static final int ARGUMENT = 2;
    static final int FIELD = 3;
    static final int ENTER = 4;
    static final int RETURN = 5;
    static final int THROWN = 6;

    int kind;
    int index;
    String field;
    boolean writable;
    Type type;
}
