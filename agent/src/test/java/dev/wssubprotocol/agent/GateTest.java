package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.PatchesTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Whatever goes wrong while patching a class is one line on stderr, and the class is loaded unchanged. */
class GateTest {

    @Test
    void otherClassesPassUntouchedWithoutAWord() throws Exception {
        String[] err = captureErr(() -> assertNull(new Gate(Collections.singletonList(Patches.get(NettyPatch.ID)))
                .transform(null, "java/lang/String", null, null, new byte[] {1, 2, 3})));
        assertArrayEquals(new String[0], err);
    }

    @Test
    void aFailureWhilePatchingIsOneLineAndTheClassStaysAsItWas() throws Exception {
        Patch broken = Patch.of("netty", NettyPatch.TYPE, NettyPatch.METHOD, NettyPatch.PARAMETERS,
                "dev.wssubprotocol.agent.netty.NoSuchAdvice", "");
        final Gate gate = new Gate(Collections.singletonList(broken));
        final byte[] original = PatchesTest.bytes(Patches.get(NettyPatch.ID).typeName());
        String[] err = captureErr(() -> assertNull(gate.transform(getClass().getClassLoader(),
                "io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker", null, null, original)));
        assertEquals(Arrays.asList("[ws-subprotocol-agent] ERROR: could not patch "
                + "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker for netty, left unchanged: "
                + "java.io.IOException: advice class dev.wssubprotocol.agent.netty.NoSuchAdvice is missing from the agent "
                + "jar"),
                Arrays.asList(err));
    }

    interface Body {
        void run() throws Exception;
    }

    private static String[] captureErr(Body body) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, "UTF-8"));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        String text = buffer.toString("UTF-8");
        return text.isEmpty() ? new String[0] : text.split("\\r?\\n");
    }
}
