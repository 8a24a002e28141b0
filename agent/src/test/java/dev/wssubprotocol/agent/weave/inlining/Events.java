package dev.wssubprotocol.agent.weave.inlining;

import java.util.ArrayList;
import java.util.List;

/** What the test advice saw, shared by both woven copies of the target (they are loaded below this class's loader). */
public final class Events {
    public static final List<String> LOG = new ArrayList<String>();

    private Events() {
    }
}
