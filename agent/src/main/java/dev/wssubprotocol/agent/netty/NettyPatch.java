package dev.wssubprotocol.agent.netty;

/**
 * Netty 4.0.24.Final through 4.2.x, and everything built on it (Reactor Netty, Spring WebFlux, Vert.x,
 * Micronaut, ...).
 * <p>
 * Upstream: {@code io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker#finishHandshake(Channel,
 * FullHttpResponse)}, a final method that, after {@code verify(response)}, compares the response's
 * {@code Sec-WebSocket-Protocol} with the comma-separated {@code expectedSubprotocol} (a final field) and throws
 * "Invalid subprotocol. Actual: null. Expected one of: ..." when subprotocols were offered and none came back
 * ({@code WebSocketHandshakeException} up to 4.1.53, {@code WebSocketClientHandshakeException} from 4.1.54).
 * Checked in the sources of 4.0.24, 4.0.56, 4.1.0, 4.1.54 and the bytecode of 4.1.140 and 4.2.20.
 */
public final class NettyPatch {
    /*
     * The patch as compile-time constants: javac copies them into Patches, so this class itself is never loaded
     * (each class the agent loads at start-up costs every JVM that carries it).
     */
    public static final String ID = "netty";
    /** the library as the README and the options list name it */
    public static final String NAME = "Netty";
    /** groupId:artifactId of the library, as the advice is compiled against it (agent/pom.xml holds the
     *  version; WeaverTest checks these against the jar the target class comes from) */
    public static final String LIBRARY = "io.netty:netty-codec-http";
    public static final String TYPE = "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker";
    public static final String METHOD = "finishHandshake";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "io.netty.channel.Channel, io.netty.handler.codec.http.FullHttpResponse";
    public static final String ADVICE = "dev.wssubprotocol.agent.netty.NettyAdvice";
    /** relocated copies of the library (any prefix before this root) are patched too */
    public static final String RELOCATABLE_ROOT = "io/netty/";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private NettyPatch() {
    }
}
