package dev.wssubprotocol.it.support;

import java.util.List;

/** What the agent prints, as the tests expect it. Adding a patch to the agent adds its id here. */
public final class AgentOutput {
    public static final String VERSION = "0.1.0";
    public static final List<String> PATCH_IDS = List.of("netty", "java-websocket", "pekko-http", "akka-http",
            "reactor-netty-http2", "netty5", "paho-mqtt", "grizzly-websockets");
    public static final String PREFIX = "[ws-subprotocol-agent] ";

    private AgentOutput() {
    }

    /** The start line with the given patch ids, or every patch when none are given. */
    public static String startLine(String... ids) {
        return PREFIX + VERSION + " active: " + String.join(", ", ids.length == 0 ? PATCH_IDS : List.of(ids));
    }
}
