package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.akka.AkkaHttpPatch;
import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.netty5.Netty5Patch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.pekko.PekkoHttpPatch;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weaving against the real library classes on the test class path (the oldest supported releases, the same the
 * advice compiles against), and the shape check against classes that carry the real name but another shape.
 */
class WeaverTest {
    private static final ClassLoader LOADER = WeaverTest.class.getClassLoader();

    @Test
    void weavesTheRealClasses() throws Exception {
        for (Patch p : new Patch[] {NettyPatch.PATCH, JavaWebSocketPatch.PATCH, PekkoHttpPatch.PATCH,
                AkkaHttpPatch.PATCH, Netty5Patch.PATCH}) {
            byte[] original = PatchesTest.bytes(p.typeName());
            byte[] woven = Weaver.weave(p, "", LOADER, p.typeName(), original, LOADER);
            assertTrue(woven.length > original.length, p.id());
        }
    }

    @Test
    void aMissingMethodSkipsThePatch() throws IOException {
        Patch wrong = Patch.of("netty", NettyPatch.PATCH.typeName(), "finishHandshake",
                new String[] {"io.netty.channel.Channel", "io.netty.handler.codec.http.HttpResponse"},
                NettyPatch.PATCH.adviceClass());
        ShapeMismatch e = assertThrows(ShapeMismatch.class, () -> Weaver.weave(wrong, "", LOADER, wrong.typeName(),
                PatchesTest.bytes(wrong.typeName()), LOADER));
        assertEquals("no method finishHandshake(io.netty.channel.Channel, io.netty.handler.codec.http.HttpResponse)",
                e.getMessage());
    }

    @Test
    void aFieldTheAdviceUsesMustExistWithItsType() throws IOException {
        // The Java-WebSocket advice, checked against Netty's handshaker: same method name is not enough.
        Patch mismatched = Patch.of("x", NettyPatch.PATCH.typeName(), "finishHandshake",
                NettyPatch.PATCH.parameterTypes().toArray(new String[0]), JavaWebSocketPatch.PATCH.adviceClass());
        ShapeMismatch e = assertThrows(ShapeMismatch.class, () -> Weaver.weave(mismatched, "", LOADER,
                mismatched.typeName(), PatchesTest.bytes(mismatched.typeName()), LOADER));
        assertEquals("no field knownProtocols", e.getMessage());
    }
}
