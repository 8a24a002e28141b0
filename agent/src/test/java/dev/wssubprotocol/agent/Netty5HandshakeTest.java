package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.netty5.Netty5Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.Weaver;
import io.netty5.buffer.api.DefaultBufferAllocators;
import io.netty5.channel.embedded.EmbeddedChannel;
import io.netty5.handler.codec.http.DefaultFullHttpResponse;
import io.netty5.handler.codec.http.DefaultHttpHeaders;
import io.netty5.handler.codec.http.FullHttpResponse;
import io.netty5.handler.codec.http.HttpClientCodec;
import io.netty5.handler.codec.http.HttpHeaders;
import io.netty5.handler.codec.http.HttpResponseStatus;
import io.netty5.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Netty 5's real handshaker (5.0.0.Alpha3, on the test class path) on an embedded channel with built responses,
 * as {@link NettyHandshakeTest} does for Netty 4: without the agent, woven by the inliner and by Byte Buddy.
 * Issue 12 item 3: a response accepted by the checks, then a library failure (no HTTP codec in the pipeline), must
 * end with the library's exception and no subprotocol the server never sent.
 */
class Netty5HandshakeTest {
    private static final String PACKAGE = "io.netty5.handler.codec.http.websocketx.";

    @BeforeAll
    static void activate() {
        Status.started("test", "patches=netty5", false, false);
    }

    @AfterAll
    static void deactivate() {
        Status.detached();
    }

    @Test
    void theInlinerAndByteBuddyAgreeAndTheCasesEndAsTheyShould() throws Exception {
        byte[] original = NettyHandshakeTest.bytes(Netty5Patch.TYPE);
        ClassLoader agent = Netty5HandshakeTest.class.getClassLoader();
        Map<String, String> plain = runAll(original);
        Map<String, String> inlined = runAll(Weaver.weave(Patches.get(Netty5Patch.ID), "", agent, original, agent));
        Map<String, String> byteBuddy = runAll(NettyHandshakeTest.byteBuddy(Netty5Patch.TYPE, Netty5Patch.ADVICE,
                Netty5Patch.METHOD, original));
        assertEquals(byteBuddy, inlined);

        String invalid = "threw io.netty5.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid"
                + " subprotocol. Actual: null. Expected one of: chat, superchat";
        String asSent = " headers [upgrade, connection, sec-websocket-accept]";
        assertEquals(invalid + " actual null complete false status() read 2" + asSent, plain.get("no header"));
        assertEquals("ok actual null complete true status() read 3" + asSent, inlined.get("no header"));
        assertEquals("ok actual superchat complete true status() read 1 headers [upgrade, connection,"
                + " sec-websocket-accept, sec-websocket-protocol]", inlined.get("selected"));
        assertEquals(plain.get("selected"), inlined.get("selected"));
        assertEquals(plain.get("wrong accept key").replace("read 2", "read 4"), inlined.get("wrong accept key"));
        // past the checks, the library fails (no HTTP codec): its exception, and no subprotocol it never got
        assertEquals(invalid + " actual null complete false status() read 2" + asSent, plain.get("no codec"));
        assertEquals("threw java.lang.IllegalStateException: ChannelPipeline does not contain an HttpRequestEncoder"
                + " or HttpClientCodec actual null complete true status() read 3" + asSent, inlined.get("no codec"));
        // headers() returns a copy, the injected header never sticks: one retry, then the original exception
        assertEquals(invalid + " actual null complete false status() read 2" + asSent, plain.get("headers() copies"));
        assertEquals(invalid + " actual null complete false status() read 4" + asSent,
                inlined.get("headers() copies"));
    }

    private static Map<String, String> runAll(byte[] handshaker) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<String, String>();
        for (String name : new String[] {"no header", "selected", "wrong accept key", "no codec", "headers() copies"}) {
            outcomes.put(name, run(handshaker, name));
        }
        return outcomes;
    }

    private static String run(byte[] handshakerClass, String name) throws Exception {
        ClassLoader loader = new NettyHandshakeTest.PackageLoader(PACKAGE, Netty5Patch.TYPE, handshakerClass);
        Class<?> type = loader.loadClass(PACKAGE + "WebSocketClientHandshaker13");
        Object handshaker = type.getConstructor(URI.class, String.class, boolean.class, HttpHeaders.class, int.class)
                .newInstance(new URI("ws://127.0.0.1:1/"), "chat, superchat", false, new DefaultHttpHeaders(), 65536);
        EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
        type.getMethod("handshake", io.netty5.channel.Channel.class).invoke(handshaker, channel);
        Field nonce = type.getDeclaredField("sentNonce");
        nonce.setAccessible(true);
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                (nonce.get(handshaker) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        Response response = new Response(name.equals("headers() copies"));
        response.real().set("upgrade", "websocket").set("connection", "Upgrade").set("sec-websocket-accept",
                name.equals("wrong accept key") ? "wrong" : accept);
        if (name.equals("selected")) {
            response.real().set("sec-websocket-protocol", "superchat");
        }
        if (name.equals("no codec")) {
            channel.pipeline().remove(HttpClientCodec.class);
        }
        String outcome;
        try {
            type.getMethod("finishHandshake", io.netty5.channel.Channel.class, FullHttpResponse.class)
                    .invoke(handshaker, channel, response);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = ("threw " + e.getCause()).replaceAll("(?i)(expected:) [A-Za-z0-9+/=]+$", "$1 (key)");
        }
        return outcome + " actual " + type.getMethod("actualSubprotocol").invoke(handshaker)
                + " complete " + type.getMethod("isHandshakeComplete").invoke(handshaker)
                + " status() read " + response.verified + " headers " + response.real().names();
    }

    /**
     * Counts the reads of status() (verify reads it once, and once more to build its exception: a failed call
     * reads it twice, a successful one once); may copy headers().
     */
    static final class Response extends DefaultFullHttpResponse {
        private final boolean copies;
        int verified;

        Response(boolean copies) {
            super(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS,
                    DefaultBufferAllocators.onHeapAllocator().allocate(0));
            this.copies = copies;
        }

        HttpHeaders real() {
            return super.headers();
        }

        @Override
        public HttpHeaders headers() {
            return copies ? new DefaultHttpHeaders().set(super.headers()) : super.headers();
        }

        @Override
        public HttpResponseStatus status() {
            verified++;
            return super.status();
        }
    }
}
