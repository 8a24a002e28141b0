package dev.wssubprotocol.agent.pekkohttp;

/**
 * Apache Pekko HTTP ({@code org.apache.pekko:pekko-http-core_2.13} and {@code _3}) 1.0 through 1.3.
 * <p>
 * Upstream: {@code org.apache.pekko.http.impl.engine.ws.Handshake$Client$#validateResponse(HttpResponse,
 * immutable.Seq, Sec-WebSocket-Key)}, an instance method of the Scala module object {@code Handshake.Client},
 * returning {@code Either[String, NegotiatedWebSocketSettings]}. After the status, Upgrade, Connection and
 * Sec-WebSocket-Accept checks it reads the first value of the response's {@code Sec-WebSocket-Protocol}: with no
 * value and an empty offer it returns {@code Right(NegotiatedWebSocketSettings(None))}, with a value the client
 * offered it returns that value, and otherwise {@code Left("response that indicated that the given subprotocol
 * was not supported. ...")}, which the client blueprint turns into an {@code InvalidUpgradeResponse}. The caller
 * passes the offer split at commas and trimmed. Handshake.scala is the same file at the tags v1.0.0 to v1.4.0;
 * the method descriptor was checked in the jars of 1.0.0, 1.1.0, 1.3.0 (_2.13) and 1.0.0, 1.3.0 (_3).
 */
public final class PekkoHttpPatch {
    /*
     * The patch as compile-time constants: javac copies them into Patches, so this class itself is never loaded
     * (each class the agent loads at start-up costs every JVM that carries it).
     */
    public static final String ID = "pekko-http";
    /** the library as the README and the options list name it */
    public static final String NAME = "Pekko HTTP";
    /** groupId:artifactId of the library without the Scala suffix (the advice is compiled against _2.13; agent/pom.xml
     *  holds the version; WeaverTest checks these against the jar the target class comes from) */
    public static final String LIBRARY = "org.apache.pekko:pekko-http-core";
    public static final String TYPE = "org.apache.pekko.http.impl.engine.ws.Handshake$Client$";
    public static final String METHOD = "validateResponse";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "org.apache.pekko.http.scaladsl.model.HttpResponse, "
            + "scala.collection.immutable.Seq, "
            + "org.apache.pekko.http.scaladsl.model.headers.Sec$minusWebSocket$minusKey";
    public static final String ADVICE = "dev.wssubprotocol.agent.pekkohttp.PekkoHttpAdvice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private PekkoHttpPatch() {
    }
}
