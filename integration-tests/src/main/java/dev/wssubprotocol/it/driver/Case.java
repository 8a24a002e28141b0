package dev.wssubprotocol.it.driver;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One handshake of the contract: what the client offers and how the server answers.
 * Servers are addressed by path: the test server answers each path in one fixed way.
 */
public enum Case {
    /** The case the agent exists for: offered, and the server selects none and omits the header. */
    OFFERED_OMITTED("chat, superchat", Server.RAW, "/omit", true),
    /** The same against a real server (Java-WebSocket's, default draft), which omits the header when it picks none. */
    OFFERED_OMITTED_LIBRARY_SERVER("chat, superchat", Server.LIBRARY, "/", true),
    OFFERED_SELECTED("chat, superchat", Server.RAW, "/select-superchat", false),
    UNREQUESTED("chat, superchat", Server.RAW, "/select-evil", false),
    TWO_VALUES("chat, superchat", Server.RAW, "/select-two", false),
    EMPTY_VALUE("chat, superchat", Server.RAW, "/select-empty", false),
    NONE_OFFERED_OMITTED(null, Server.RAW, "/omit", false),
    NONE_OFFERED_SERVER_PICK(null, Server.RAW, "/select-chat", false),
    /** Header omitted too, but a wrong Sec-WebSocket-Accept: the agent must not let this through. */
    OFFERED_OMITTED_BAD_ACCEPT("chat, superchat", Server.RAW, "/omit-bad-accept", false),
    /** Header omitted too, but no "Upgrade: websocket": the agent must not let this through. */
    OFFERED_OMITTED_NO_UPGRADE("chat, superchat", Server.RAW, "/omit-no-upgrade", false);

    public enum Server { RAW, LIBRARY }

    /** Sec-WebSocket-Protocol as the client sends it, or null for none. */
    public final String offer;
    public final Server server;
    public final String path;
    /** True only where the agent is meant to change the outcome. */
    public final boolean rescued;

    Case(String offer, Server server, String path, boolean rescued) {
        this.offer = offer;
        this.server = server;
        this.path = path;
        this.rescued = rescued;
    }

    public List<String> offerList() {
        return offer == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(Arrays.asList(offer.split(",\\s*")));
    }

    public String uri(String rawBase, String libraryBase) {
        return (server == Server.RAW ? rawBase : libraryBase) + path;
    }

    /** An expected outcome meaning "fails", whatever the library's exception and message. */
    public static final String FAILS = "FAIL";

    /**
     * What a strict client reports for this case without the agent (and, but for the rescued cases, with it), as
     * RFC 6455 4.1 has it: the offered value the server selects, or no subprotocol when none was offered and none
     * sent; every other answer fails the handshake. Either an exact outcome line (after {@code CASE mode:case}),
     * or {@link #FAILS}. A library that departs from this says so in the contract's overrides (support/Expected).
     *
     * @param none      how the library reports "no subprotocol", as in the outcome line: null, "", Optional.empty
     * @param superchat how it reports the subprotocol "superchat": "superchat" in quotes, Optional[superchat], ...
     */
    public String expected(String none, String superchat) {
        switch (this) {
            case OFFERED_SELECTED:
                return "OK subprotocol=" + superchat + " echo=" + Driver.MESSAGE;
            case NONE_OFFERED_OMITTED:
                return "OK subprotocol=" + none + " echo=" + Driver.MESSAGE;
            default:
                return FAILS;
        }
    }
}
