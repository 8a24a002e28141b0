package dev.wssubprotocol.agent.akkahttp;

/**
 * Akka HTTP ({@code com.typesafe.akka:akka-http-core_2.11}, {@code _2.12}, {@code _2.13}, {@code _3}) 10.0 through
 * 10.5, the versions on Maven Central.
 * <p>
 * Upstream: {@code akka.http.impl.engine.ws.Handshake$Client$#validateResponse(HttpResponse, immutable.Seq,
 * Sec-WebSocket-Key)}, an instance method of the Scala module object {@code Handshake.Client}, returning
 * {@code Either[String, NegotiatedWebSocketSettings]}. After the status, Upgrade, Connection and
 * Sec-WebSocket-Accept checks it reads the first value of the response's {@code Sec-WebSocket-Protocol}: with no
 * value and an empty offer it returns {@code Right(NegotiatedWebSocketSettings(None))}, with a value the client
 * offered it returns that value, and otherwise {@code Left("response that indicated that the given subprotocol
 * was not supported. ...")}, which the client blueprint turns into an {@code InvalidUpgradeResponse}. Up to
 * 10.1.9 the caller passes the request's one subprotocol as a one-element list; from 10.1.10 it splits it at
 * commas. The decision logic is the same at every tag from v10.0.0 to v10.5.3; the method descriptor was checked
 * in the jars of 10.0.0 and 10.1.10 (_2.12), 10.1.10, 10.2.0 and 10.5.3 (_2.13) and 10.5.3 (_3).
 */
public final class AkkaHttpPatch {
    /*
     * The patch as compile-time constants: javac copies them into Patches, so this class itself is never loaded
     * (each class the agent loads at start-up costs every JVM that carries it).
     */
    public static final String ID = "akka-http";
    /** the library as the README and the options list name it */
    public static final String NAME = "Akka HTTP";
    /** groupId:artifactId of the library without the Scala suffix (the advice is compiled against _2.12; agent/pom.xml
     *  holds the version; WeaverTest checks these against the jar the target class comes from) */
    public static final String LIBRARY = "com.typesafe.akka:akka-http-core";
    public static final String TYPE = "akka.http.impl.engine.ws.Handshake$Client$";
    public static final String METHOD = "validateResponse";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "akka.http.scaladsl.model.HttpResponse, "
            + "scala.collection.immutable.Seq, "
            + "akka.http.scaladsl.model.headers.Sec$minusWebSocket$minusKey";
    public static final String ADVICE = "dev.wssubprotocol.agent.akkahttp.AkkaHttpAdvice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** the whole patch as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH = ID + "|" + NAME + "|" + LIBRARY + "|" + TYPE + "|" + METHOD + "|" + PARAMETERS
            + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private AkkaHttpPatch() {
    }
}
