package dev.wssubprotocol.agent.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every patch the agent knows, in the order they are listed to the operator: the one source of the patch ids,
 * names and coordinates that the options, the start line, the status, the tests and the README show. Adding a
 * library is one line here, the class named in full (no import to add).
 * <p>
 * Each library package states its patch as one compile-time constant ({@code PATCH}), which javac copies here: at
 * start-up the agent loads this class and {@link Patch}, not one class per library. Keep it that way: a reference
 * to anything but a constant of those classes (a method, a class literal, a non-constant field) would load the
 * library package's class in every JVM that carries the agent.
 */
public final class Patches {
    public static final List<Patch> ALL = Collections.unmodifiableList(Arrays.asList(
            Patch.parse(dev.wssubprotocol.agent.netty.NettyPatch.PATCH),
            Patch.parse(dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch.PATCH),
            Patch.parse(dev.wssubprotocol.agent.pekkohttp.PekkoHttpPatch.PATCH),
            Patch.parse(dev.wssubprotocol.agent.akkahttp.AkkaHttpPatch.PATCH),
            Patch.parse(dev.wssubprotocol.agent.reactornettyhttp2.ReactorNettyHttp2Patch.PATCH),
            Patch.parse(dev.wssubprotocol.agent.netty5.Netty5Patch.PATCH),
            // one id, two classes: mqttv3 and mqttv5 carry the same handshake code
            Patch.parse(dev.wssubprotocol.agent.pahomqtt.PahoPatch.PATCH_V3),
            Patch.parse(dev.wssubprotocol.agent.pahomqtt.PahoPatch.PATCH_V5),
            Patch.parse(dev.wssubprotocol.agent.grizzlywebsockets.GrizzlyPatch.PATCH)));

    private Patches() {
    }

    /**
     * The first patch with this id (an id may cover several classes, e.g. paho-mqtt).
     *
     * @throws IllegalArgumentException for an id no patch has
     */
    public static Patch get(String id) {
        for (Patch patch : ALL) {
            if (patch.id().equals(id)) {
                return patch;
            }
        }
        throw new IllegalArgumentException("no patch " + id);
    }

    /** Every patch id once, in list order. */
    public static List<String> ids() {
        return ids(ALL);
    }

    /** The ids of these patches, each once (an id may cover several classes), in their order. */
    public static List<String> ids(List<Patch> patches) {
        List<String> ids = new ArrayList<String>();
        for (Patch p : patches) {
            if (!ids.contains(p.id())) {
                ids.add(p.id());
            }
        }
        return ids;
    }
}
