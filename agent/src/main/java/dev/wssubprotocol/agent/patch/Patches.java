package dev.wssubprotocol.agent.patch;

import dev.wssubprotocol.agent.akka.AkkaHttpPatch;
import dev.wssubprotocol.agent.grizzly.GrizzlyPatch;
import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.netty5.Netty5Patch;
import dev.wssubprotocol.agent.paho.PahoPatch;
import dev.wssubprotocol.agent.pekkohttp.PekkoHttpPatch;
import dev.wssubprotocol.agent.reactornettyhttp2.ReactorNettyHttp2Patch;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every patch the agent knows, in the order they are listed to the operator. Adding a library is one entry here.
 * Each library package states its patch as compile-time constants, which javac copies here: at start-up the agent
 * loads this class and {@link Patch}, not one class per library.
 */
public final class Patches {
    public static final List<Patch> ALL = Collections.unmodifiableList(Arrays.asList(
            Patch.of(NettyPatch.ID, NettyPatch.TYPE, NettyPatch.METHOD, NettyPatch.PARAMETERS,
                    NettyPatch.ADVICE, NettyPatch.RELOCATABLE_ROOT),
            Patch.of(JavaWebSocketPatch.ID, JavaWebSocketPatch.TYPE, JavaWebSocketPatch.METHOD,
                    JavaWebSocketPatch.PARAMETERS, JavaWebSocketPatch.ADVICE, JavaWebSocketPatch.RELOCATABLE_ROOT),
            Patch.of(PekkoHttpPatch.ID, PekkoHttpPatch.TYPE, PekkoHttpPatch.METHOD, PekkoHttpPatch.PARAMETERS,
                    PekkoHttpPatch.ADVICE, PekkoHttpPatch.RELOCATABLE_ROOT),
            Patch.of(AkkaHttpPatch.ID, AkkaHttpPatch.TYPE, AkkaHttpPatch.METHOD, AkkaHttpPatch.PARAMETERS,
                    AkkaHttpPatch.ADVICE, AkkaHttpPatch.RELOCATABLE_ROOT),
            Patch.of(ReactorNettyHttp2Patch.ID, ReactorNettyHttp2Patch.TYPE, ReactorNettyHttp2Patch.METHOD,
                    ReactorNettyHttp2Patch.PARAMETERS, ReactorNettyHttp2Patch.ADVICE,
                    ReactorNettyHttp2Patch.RELOCATABLE_ROOT),
            Patch.of(Netty5Patch.ID, Netty5Patch.TYPE, Netty5Patch.METHOD, Netty5Patch.PARAMETERS,
                    Netty5Patch.ADVICE, Netty5Patch.RELOCATABLE_ROOT),
            // one id, two classes: mqttv3 and mqttv5 carry the same handshake code in two packages
            Patch.of(PahoPatch.ID, PahoPatch.TYPE_V3, PahoPatch.METHOD, PahoPatch.PARAMETERS, PahoPatch.ADVICE,
                    PahoPatch.RELOCATABLE_ROOT),
            Patch.of(PahoPatch.ID, PahoPatch.TYPE_V5, PahoPatch.METHOD, PahoPatch.PARAMETERS, PahoPatch.ADVICE,
                    PahoPatch.RELOCATABLE_ROOT),
            Patch.of(GrizzlyPatch.ID, GrizzlyPatch.TYPE, GrizzlyPatch.METHOD, GrizzlyPatch.PARAMETERS,
                    GrizzlyPatch.ADVICE, GrizzlyPatch.RELOCATABLE_ROOT)));

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
}
