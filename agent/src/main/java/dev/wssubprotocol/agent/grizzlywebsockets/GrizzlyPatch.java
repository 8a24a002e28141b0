package dev.wssubprotocol.agent.grizzlywebsockets;

/**
 * Grizzly's WebSocket client ({@code org.glassfish.grizzly:grizzly-websockets}) 2.1.9 through 4.0.2.
 * <p>
 * Upstream: {@code org.glassfish.grizzly.websockets.HandShake#validateServerResponse(HttpResponsePacket)}, which
 * checks the status, {@code Upgrade} and {@code Connection}, then the subprotocol when the client offered any
 * ({@code getSubProtocol()} not empty); the subclass ({@code rfc6455.RFC6455HandShake} from 2.2,
 * {@code draft06.HandShake06} in 2.1.x) calls it first and then checks {@code Sec-WebSocket-Accept}.
 * From 2.3.20 the subprotocol check is {@code checkForSubProtocol}: a missing header throws
 * {@code HandshakeException("Invalid Sec-WebSocket-Protocol header returned: 'null'")}, an offered value is kept in
 * {@code setSubProtocol(...)}, where the application reads it. From 2.1.9 to 2.3.19 it is
 * {@code checkForHeader(response, "Sec-WebSocket-Protocol", "Sec-WebSocket-Protocol")}: a missing header is a
 * NullPointerException, and every present value is rejected, because it is compared with the header's own name.
 * That comparison is left as it is: only a missing header (or, with empty=absent, an empty one) is let through.
 * The method's shape is the same in 2.1.9, 2.3.19, 2.3.20, 2.3.35 and 4.0.2 (read with {@code javap -c -p}).
 */
public final class GrizzlyPatch {
    public static final String ID = "grizzly-websockets";
    /** the library as the README and the options list name it */
    public static final String NAME = "Grizzly WebSockets";
    /** groupId:artifactId of the library, as the advice is compiled against it (agent/pom.xml holds the
     *  version; WeaverTest checks these against the jar the target class comes from) */
    public static final String LIBRARY = "org.glassfish.grizzly:grizzly-websockets";
    public static final String TYPE = "org.glassfish.grizzly.websockets.HandShake";
    public static final String METHOD = "validateServerResponse";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "org.glassfish.grizzly.http.HttpResponsePacket";
    public static final String ADVICE = "dev.wssubprotocol.agent.grizzlywebsockets.GrizzlyAdvice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private GrizzlyPatch() {
    }
}
