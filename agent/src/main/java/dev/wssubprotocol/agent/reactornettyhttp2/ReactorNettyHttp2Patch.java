package dev.wssubprotocol.agent.reactornettyhttp2;

/**
 * Reactor Netty's WebSockets over HTTP/2 (RFC 8441 extended CONNECT), reactor-netty-http 1.2.5 and later. Over
 * HTTP/1.1 Reactor Netty uses Netty's handshaker (the {@code netty} patch); over HTTP/2 it has its own copy of the
 * check.
 * <p>
 * Upstream: {@code reactor.netty.http.client.Http2WebsocketClientOperations$WebsocketClientHandshaker#finishHandshake(
 * Channel, HttpResponse)}, a package-private method of a package-private final class, called once the CONNECT got
 * status 200. It compares the response's {@code sec-websocket-protocol} with the comma-separated final field
 * {@code expectedSubProtocol} and throws {@code WebSocketClientHandshakeException} "Invalid subprotocol. Actual
 * [null]. Expected one of [...]" when subprotocols were offered and none came back; {@code actualSubProtocol}
 * (volatile) is what {@code WebsocketInbound#selectedSubprotocol()} returns. Read in the sources of 1.2.5 (where it
 * first appears) and 1.2.18, and identical in the bytecode of 1.2.5, 1.2.18 and 1.3.8.
 */
public final class ReactorNettyHttp2Patch {
    /*
     * The patch as compile-time constants: javac copies them into Patches, so this class itself is never loaded
     * (each class the agent loads at start-up costs every JVM that carries it).
     */
    public static final String ID = "reactor-netty-http2";
    /** the library as the README and the options list name it */
    public static final String NAME = "Reactor Netty, WebSockets over HTTP/2";
    /** groupId:artifactId of the library (no compile dependency on it: the advice names only Netty's types) */
    public static final String LIBRARY = "io.projectreactor.netty:reactor-netty-http";
    public static final String TYPE =
            "reactor.netty.http.client.Http2WebsocketClientOperations$WebsocketClientHandshaker";
    public static final String METHOD = "finishHandshake";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "io.netty.channel.Channel, io.netty.handler.codec.http.HttpResponse";
    public static final String ADVICE = "dev.wssubprotocol.agent.reactornettyhttp2.ReactorNettyHttp2Advice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private ReactorNettyHttp2Patch() {
    }
}
