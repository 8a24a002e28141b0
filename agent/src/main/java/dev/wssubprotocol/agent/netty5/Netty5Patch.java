package dev.wssubprotocol.agent.netty5;

/**
 * Netty 5 alphas in the {@code io.netty5} packages: {@code io.netty:netty5-codec-http} 5.0.0.Alpha3 to Alpha5, the
 * only releases there are. (5.0.0.Alpha1 and Alpha2, {@code io.netty:netty-codec-http}, kept the {@code io.netty}
 * packages; their header API is neither 4.x's nor these, so the {@code netty} patch's shape check skips them.)
 * <p>
 * Upstream: {@code io.netty5.handler.codec.http.websocketx.WebSocketClientHandshaker#finishHandshake(Channel,
 * FullHttpResponse)}, final, the same check as Netty 4.1's: after {@code verify(response)} it compares the
 * response's {@code Sec-WebSocket-Protocol} with the final field {@code expectedSubprotocol} and throws
 * {@code WebSocketClientHandshakeException} "Invalid subprotocol. Actual: null. Expected one of: ..." when
 * subprotocols were offered and none came back; {@code actualSubprotocol} is a volatile field. The header API
 * changed between the alphas: {@code FullHttpResponse#headers()} is the abstract class
 * {@code io.netty5.handler.codec.http.HttpHeaders} (String values) in Alpha3 and Alpha4 and the interface
 * {@code io.netty5.handler.codec.http.headers.HttpHeaders} (CharSequence values) in Alpha5. Read in the bytecode of
 * Alpha3, Alpha4 and Alpha5.
 */
public final class Netty5Patch {
    /*
     * The patch as compile-time constants: javac copies them into Patches, so this class itself is never loaded
     * (each class the agent loads at start-up costs every JVM that carries it).
     */
    public static final String ID = "netty5";
    /** the library as the README and the options list name it */
    public static final String NAME = "Netty 5";
    /** groupId:artifactId of the library, as the advice is compiled against it (agent/pom.xml holds the
     *  version; WeaverTest checks these against the jar the target class comes from) */
    public static final String LIBRARY = "io.netty:netty5-codec-http";
    public static final String TYPE = "io.netty5.handler.codec.http.websocketx.WebSocketClientHandshaker";
    public static final String METHOD = "finishHandshake";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "io.netty5.channel.Channel, io.netty5.handler.codec.http.FullHttpResponse";
    public static final String ADVICE = "dev.wssubprotocol.agent.netty5.Netty5Advice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private Netty5Patch() {
    }
}
