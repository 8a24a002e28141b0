package dev.wssubprotocol.agent.patch;

import dev.wssubprotocol.agent.akka.AkkaHttpPatch;
import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.netty5.Netty5Patch;
import dev.wssubprotocol.agent.pekko.PekkoHttpPatch;
import dev.wssubprotocol.agent.reactornetty.ReactorNettyHttp2Patch;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Every patch the agent knows, in the order they are listed to the operator. Adding a library is one line here. */
public final class Patches {
    public static final List<Patch> ALL = Collections.unmodifiableList(Arrays.asList(
            NettyPatch.PATCH,
            JavaWebSocketPatch.PATCH,
            PekkoHttpPatch.PATCH,
            AkkaHttpPatch.PATCH,
            ReactorNettyHttp2Patch.PATCH,
            Netty5Patch.PATCH));

    private Patches() {
    }
}
