package dev.wssubprotocol.agent.pahomqtt;

/**
 * Eclipse Paho MQTT over WebSockets: {@code org.eclipse.paho:org.eclipse.paho.client.mqttv3} 1.1.0 through 1.2.5
 * and {@code org.eclipse.paho:org.eclipse.paho.mqttv5.client} 1.2.5, one patch id for both.
 * <p>
 * Upstream: {@code org.eclipse.paho.client.mqttv3.internal.websocket.WebSocketHandshake} (v3) and
 * {@code org.eclipse.paho.mqttv5.client.websocket.WebSocketHandshake} (v5), the private
 * {@code receiveHandshakeResponse(String key)}. The request always offers one subprotocol ({@code mqttv3.1} in
 * 1.1.x, {@code mqtt} from 1.2.0). The method reads the response head through a {@code BufferedReader} on the
 * package-private field {@code input}, splits each header line at ':' into a map with lower-case keys, and then
 * checks in this order: {@code connection}, {@code upgrade}, {@code sec-websocket-protocol} (only that it is in
 * the map: any value, offered or not, passes), {@code sec-websocket-accept} present, and the accept key.
 * A missing protocol header throws {@code IOException("WebSocket Response header: empty
 * sec-websocket-protocol")} before the accept key is looked at. The same bytecode shape in 1.1.0, 1.2.0, 1.2.5
 * and mqttv5 1.2.5 (read with {@code javap -c -p}); the v5 class is a copy in another package.
 * <p>
 * An empty value needs no option here: "Sec-WebSocket-Protocol: " reaches the map as " " and passes, and a
 * header without even the space makes {@code getHeaders} fail with an ArrayIndexOutOfBoundsException, which is
 * no subprotocol check and is left alone.
 */
public final class PahoPatch {
    public static final String ID = "paho-mqtt";
    /** the library as the README and the options list name it */
    public static final String NAME = "Eclipse Paho MQTT";
    /** groupId:artifactId of each library (no compile dependency: the advice names no Paho type) */
    public static final String LIBRARY_V3 = "org.eclipse.paho:org.eclipse.paho.client.mqttv3";
    public static final String LIBRARY_V5 = "org.eclipse.paho:org.eclipse.paho.mqttv5.client";
    public static final String TYPE_V3 = "org.eclipse.paho.client.mqttv3.internal.websocket.WebSocketHandshake";
    public static final String TYPE_V5 = "org.eclipse.paho.mqttv5.client.websocket.WebSocketHandshake";
    public static final String METHOD = "receiveHandshakeResponse";
    /** the method's exact parameter types, separated by ", " */
    public static final String PARAMETERS = "java.lang.String";
    /** one advice for both: it names no Paho type, only the field {@code input} and the method by name */
    public static final String ADVICE = "dev.wssubprotocol.agent.pahomqtt.PahoAdvice";
    /** "": only the library under its own names is patched */
    public static final String RELOCATABLE_ROOT = "";

    /** each patched class as one compile-time constant: its entry in Patches is this one name */
    public static final String PATCH_V3 = ID + "|" + NAME + "|" + LIBRARY_V3 + "|" + TYPE_V3 + "|" + METHOD + "|"
            + PARAMETERS + "|" + ADVICE + "|" + RELOCATABLE_ROOT;
    public static final String PATCH_V5 = ID + "|" + NAME + "|" + LIBRARY_V5 + "|" + TYPE_V5 + "|" + METHOD + "|"
            + PARAMETERS + "|" + ADVICE + "|" + RELOCATABLE_ROOT;

    private PahoPatch() {
    }
}
