package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.netty.NettyPatch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.Weaver;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Netty 4's real handshaker (the version on the test class path), run in-process on an embedded channel with
 * built responses: without the agent, woven by the inliner, and woven by Byte Buddy's {@code Advice} from the same
 * advice class. The inliner and Byte Buddy must agree case by case; the cases say what a user sees.
 */
class NettyHandshakeTest {
    private static final String PACKAGE = "io.netty.handler.codec.http.websocketx.";

    @BeforeAll
    static void activate() {
        Status.started("test", "patches=netty", false, false);
    }

    @AfterAll
    static void deactivate() {
        Status.detached();
    }

    @Test
    void theInlinerAndByteBuddyAgreeAndTheCasesEndAsTheyShould() throws Exception {
        byte[] original = bytes(NettyPatch.TYPE);
        ClassLoader agent = NettyHandshakeTest.class.getClassLoader();
        Map<String, String> plain = runAll(original);
        Map<String, String> inlined = runAll(Weaver.weave(Patches.get(NettyPatch.ID), "", agent, original, agent));
        Map<String, String> byteBuddy = runAll(byteBuddy(NettyPatch.TYPE, NettyPatch.ADVICE, NettyPatch.METHOD,
                original));
        assertEquals(byteBuddy, inlined);

        String invalid = "threw io.netty.handler.codec.http.websocketx.WebSocketHandshakeException: Invalid subprotocol."
                + " Actual: null. Expected one of: chat, superchat";
        String asSent = " headers [Upgrade, Connection, Sec-WebSocket-Accept]";
        assertEquals(invalid + " actual null complete false verified 1" + asSent, plain.get("no header"));
        assertEquals("ok actual null complete true verified 2" + asSent, inlined.get("no header"));
        assertEquals("ok actual superchat complete true verified 1 headers [Upgrade, Connection,"
                + " Sec-WebSocket-Accept, Sec-WebSocket-Protocol]", inlined.get("selected"));
        assertEquals(plain.get("selected"), inlined.get("selected"));
        // a check that fails again: the original exception, nothing changed (verify ran twice: the retry)
        assertEquals(plain.get("wrong accept key").replace("verified 1", "verified 2"), inlined.get("wrong accept key"));
        assertEquals("threw io.netty.handler.codec.http.websocketx.WebSocketHandshakeException: Invalid challenge."
                + " Actual: wrong. Expected: (key) actual null complete false verified 1" + asSent,
                plain.get("wrong accept key"));
        // past the checks, the library fails (no HTTP codec): its exception, and no subprotocol it never got
        assertEquals(invalid + " actual null complete false verified 1" + asSent, plain.get("no codec"));
        assertEquals("threw java.lang.IllegalStateException: ChannelPipeline does not contain a HttpRequestEncoder"
                + " or HttpClientCodec actual null complete true verified 2" + asSent, inlined.get("no codec"));
        // headers() returns a copy, the injected header never sticks: one retry, then the original exception
        assertEquals(invalid + " actual null complete false verified 1" + asSent, plain.get("headers() copies"));
        assertEquals(invalid + " actual null complete false verified 2" + asSent, inlined.get("headers() copies"));
    }

    /** case -> what the application sees: outcome, actualSubprotocol, complete, verify() calls, response headers */
    private static Map<String, String> runAll(byte[] handshaker) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<String, String>();
        for (String name : new String[] {"no header", "selected", "wrong accept key", "no codec", "headers() copies"}) {
            outcomes.put(name, run(handshaker, name));
        }
        return outcomes;
    }

    private static String run(byte[] handshakerClass, String name) throws Exception {
        ClassLoader loader = new PackageLoader(PACKAGE, NettyPatch.TYPE, handshakerClass);
        Class<?> versions = loader.loadClass(PACKAGE + "WebSocketVersion");
        Object v13 = versions.getField("V13").get(null);
        Class<?> type = loader.loadClass(PACKAGE + "WebSocketClientHandshaker13");
        Object handshaker = type.getConstructor(URI.class, versions, String.class, boolean.class, HttpHeaders.class,
                int.class).newInstance(new URI("ws://127.0.0.1:1/"), v13, "chat, superchat", false,
                new DefaultHttpHeaders(), 65536);
        EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
        Method handshake = type.getMethod("handshake", io.netty.channel.Channel.class);
        handshake.invoke(handshaker, channel);
        Field expected = type.getDeclaredField("expectedChallengeResponseString");
        expected.setAccessible(true);
        Response response = new Response(name.equals("headers() copies"));
        response.real().set("Upgrade", "websocket").set("Connection", "Upgrade").set("Sec-WebSocket-Accept",
                name.equals("wrong accept key") ? "wrong" : expected.get(handshaker));
        if (name.equals("selected")) {
            response.real().set("Sec-WebSocket-Protocol", "superchat");
        }
        if (name.equals("no codec")) {
            channel.pipeline().remove(HttpClientCodec.class);
        }
        String outcome;
        try {
            type.getMethod("finishHandshake", io.netty.channel.Channel.class, FullHttpResponse.class)
                    .invoke(handshaker, channel, response);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = ("threw " + e.getCause()).replaceAll("(?i)(expected:) [A-Za-z0-9+/=]+$", "$1 (key)");
        }
        return outcome + " actual " + type.getMethod("actualSubprotocol").invoke(handshaker)
                + " complete " + type.getMethod("isHandshakeComplete").invoke(handshaker)
                + " verified " + response.verified + " headers " + response.real().names();
    }

    /**
     * A response that counts the calls of verify() (Netty 4.0's verify starts with getStatus(), which nothing else
     * in finishHandshake calls) and, if asked, whose headers() returns a copy.
     */
    static final class Response extends DefaultFullHttpResponse {
        private final boolean copies;
        int verified;

        Response(boolean copies) {
            super(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
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
        public HttpResponseStatus getStatus() {
            verified++;
            return super.getStatus();
        }
    }

    /** Defines one package itself (so that the handshaker's subclasses see the given handshaker class). */
    static final class PackageLoader extends ClassLoader {
        private final String pkg;
        private final String target;
        private final byte[] classfile;

        PackageLoader(String pkg, String target, byte[] classfile) {
            super(NettyHandshakeTest.class.getClassLoader());
            this.pkg = pkg;
            this.target = target;
            this.classfile = classfile;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(pkg) || name.substring(pkg.length()).contains(".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c != null) {
                    return c;
                }
                try {
                    byte[] b = name.equals(target) ? classfile : bytes(name);
                    return defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    /** Byte Buddy's Advice, the reference, woven from the same advice class into the class given as bytes. */
    static byte[] byteBuddy(String type, String advice, String method, byte[] classfile) {
        ClassLoader loader = NettyHandshakeTest.class.getClassLoader();
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(type, classfile),
                ClassFileLocator.ForClassLoader.of(loader));
        return new ByteBuddy()
                .redefine(TypePool.Default.of(locator).describe(type).resolve(), locator)
                .visit(Advice.to(TypePool.Default.of(locator).describe(advice).resolve(), locator)
                        .on(ElementMatchers.named(method)))
                .make()
                .getBytes();
    }

    static byte[] bytes(String className) throws IOException {
        InputStream in = NettyHandshakeTest.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class");
        if (in == null) {
            throw new IOException(className);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
