package dev.wssubprotocol.agent.javawebsocket;

/**
 * Java-WebSocket (TooTallNate, {@code org.java-websocket:Java-WebSocket}) 1.3.7 through 1.6.0.
 * <p>
 * Upstream: {@code org.java_websocket.drafts.Draft_6455#acceptHandshakeAsClient(ClientHandshake, ServerHandshake)}
 * (returns {@code Draft$HandshakeState} up to 1.3.9, {@code enums.HandshakeState} from 1.4.0, so the return type
 * is not part of the match). It accepts the response only if one of the draft's {@code knownProtocols} accepts the
 * response's {@code Sec-WebSocket-Protocol}, read as "" when absent; a concrete {@code Protocol("chat")} never
 * accepts "", so a client that lists only concrete protocols is closed with 1002 "draft ... refuses handshake".
 * {@code Protocol("")} is the library's own "no subprotocol" entry. Each connection works on its own
 * {@code copyInstance()} of the draft, and {@code knownProtocols} is a non-final per-instance list in every
 * version (checked in the sources of 1.3.7, 1.3.9, 1.4.1, 1.5.7 and 1.6.0).
 * {@code containsRequestedProtocol} and {@code Protocol} are left alone: the server side uses them too.
 */
public final class JavaWebSocketPatch {
    /*
     * The patch as compile-time constants: javac copies them into Patches, so this class itself is never loaded
     * (each class the agent loads at start-up costs every JVM that carries it).
     */
    public static final String ID = "java-websocket";
    /** the library as the README and the options list name it */
    public static final String NAME = "Java-WebSocket";
    /** groupId:artifactId of the library, as the advice is compiled against it (agent/pom.xml holds the
     *  version; WeaverTest checks these against the jar the target class comes from) */
    public static final String LIBRARY = "org.java-websocket:Java-WebSocket";
    public static final String TYPE = "org.java_websocket.drafts.Draft_6455";
    public static final String METHOD = "acceptHandshakeAsClient";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "org.java_websocket.handshake.ClientHandshake, "
            + "org.java_websocket.handshake.ServerHandshake";
    public static final String ADVICE = "dev.wssubprotocol.agent.javawebsocket.JavaWebSocketAdvice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private JavaWebSocketPatch() {
    }
}
