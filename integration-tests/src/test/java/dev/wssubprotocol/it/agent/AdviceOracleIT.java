package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.Weaver;
import dev.wssubprotocol.it.support.Libraries;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Byte Buddy's {@code Advice} as the oracle on the real target, at every Netty version the contract tests: the
 * handshaker class of each version is woven once by Byte Buddy and once by the agent's inliner, from the same advice
 * class, and the same handshakes run in-process against both (built responses on an embedded channel, everything
 * through reflection so that one test drives every version). Outcome, message, subprotocol and the response's
 * headers afterwards must be the same; the rescued case must connect, the others end as without the agent.
 */
class AdviceOracleIT {
    private static final String TYPE = "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker";
    private static final String[] CASES = {"no header", "selected", "not offered", "wrong accept key", "no codec",
            "empty value"};

    @BeforeAll
    static void activate() throws Exception {
        status("started", new Class<?>[] {String.class, String.class, boolean.class, boolean.class}, "oracle",
                "patches=netty", false, true); // empty=absent: the empty value goes through the advice too
    }

    @AfterAll
    static void deactivate() throws Exception {
        status("detached", new Class<?>[0]);
    }

    /** The agent's status says "active", as after a start, so that the advice's Hook answers. */
    static void status(String method, Class<?>[] types, Object... args) throws Exception {
        Method m = Class.forName("dev.wssubprotocol.agent.Status").getDeclaredMethod(method, types);
        m.setAccessible(true);
        m.invoke(null, args);
    }

    static List<String> versions() {
        // NettyIT's versions
        return List.of("4.0.24.Final", "4.0.56.Final", "4.1.0.Final", "4.1.53.Final", "4.1.54.Final", "4.1.140.Final",
                "4.2.20.Final");
    }

    @ParameterizedTest(name = "Netty {0}")
    @MethodSource("versions")
    void theInlinerAgreesWithByteBuddyOnTheRealHandshaker(String version) throws Exception {
        List<Path> jars = Libraries.classpath("io.netty:netty-codec-http:" + version);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        Patch netty = Patches.get("netty");
        byte[] original;
        try (URLClassLoader library = new URLClassLoader(urls, null);
             InputStream in = library.getResourceAsStream(TYPE.replace('.', '/') + ".class")) {
            original = in.readAllBytes();
            ClassLoader agent = AdviceOracleIT.class.getClassLoader();
            byte[] inlined = Weaver.weave(netty, "", library, original, agent);
            byte[] byteBuddy = byteBuddy(original, netty.adviceClass(), library);
            Map<String, String> plain = runAll(urls, original);
            Map<String, String> reference = runAll(urls, byteBuddy);
            Map<String, String> ours = runAll(urls, inlined);
            assertEquals(reference, ours, "Netty " + version);
            String asSent = " headers [Upgrade, Connection, Sec-WebSocket-Accept]";
            assertEquals("ok actual null" + asSent, ours.get("no header"));
            assertEquals("threw " + invalid(version) + asSent.replace(" headers", " actual null headers"),
                    plain.get("no header"));
            for (String c : new String[] {"selected", "not offered", "wrong accept key"}) {
                assertEquals(plain.get(c), ours.get(c), c);
            }
            // positive controls: the cases did what they are there for
            assertEquals("ok actual superchat headers [Upgrade, Connection, Sec-WebSocket-Accept,"
                    + " Sec-WebSocket-Protocol]", ours.get("selected"));
            assertEquals(true, ours.get("wrong accept key").startsWith("threw "), ours.get("wrong accept key"));
            assertEquals(true, ours.get("no codec").startsWith("threw java.lang.IllegalStateException: "),
                    ours.get("no codec"));
            assertEquals(true, ours.get("no codec").endsWith(" actual null" + asSent), ours.get("no codec"));
            // empty=absent: rescued, and the empty header given back where and as the server sent it
            assertEquals("ok actual null headers [sec-websocket-protocol, Upgrade, Connection, Sec-WebSocket-Accept]",
                    ours.get("empty value"));
            assertEquals(true, plain.get("empty value").startsWith("threw "), plain.get("empty value"));
        }
    }

    private static String invalid(String version) {
        // 4.1.54 brought WebSocketClientHandshakeException (NettyIT's note)
        String type = version.startsWith("4.0") || version.equals("4.1.0.Final") || version.equals("4.1.53.Final")
                ? "WebSocketHandshakeException" : "WebSocketClientHandshakeException";
        return "io.netty.handler.codec.http.websocketx." + type
                + ": Invalid subprotocol. Actual: null. Expected one of: chat, superchat";
    }

    private static byte[] byteBuddy(byte[] classfile, String advice, ClassLoader library) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(TYPE, classfile),
                ClassFileLocator.ForClassLoader.of(library), ClassFileLocator.ForClassLoader.ofSystemLoader());
        TypePool pool = TypePool.Default.of(locator);
        return new ByteBuddy()
                .redefine(pool.describe(TYPE).resolve(), locator)
                .visit(Advice.to(pool.describe(advice).resolve(), locator).on(ElementMatchers.named("finishHandshake")))
                .make()
                .getBytes();
    }

    private static Map<String, String> runAll(URL[] urls, byte[] handshaker) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String c : CASES) {
            try (Library library = new Library(urls, handshaker)) {
                outcomes.put(c, run(library, c));
            }
        }
        return outcomes;
    }

    /** One handshake, all through reflection on the version's own classes. */
    private static String run(ClassLoader l, String c) throws Exception {
        String http = "io.netty.handler.codec.http.";
        String ws = http + "websocketx.";
        Class<?> headersType = l.loadClass(http + "HttpHeaders");
        Class<?> versionType = l.loadClass(ws + "WebSocketVersion");
        Object handshaker = l.loadClass(ws + "WebSocketClientHandshakerFactory").getMethod("newHandshaker", URI.class,
                versionType, String.class, boolean.class, headersType).invoke(null, new URI("ws://127.0.0.1:1/"),
                versionType.getField("V13").get(null), "chat, superchat", false,
                l.loadClass(http + "DefaultHttpHeaders").getConstructor().newInstance());
        Class<?> handlerType = l.loadClass("io.netty.channel.ChannelHandler");
        Object handlers = Array.newInstance(handlerType, 1);
        Array.set(handlers, 0, l.loadClass(http + "HttpClientCodec").getConstructor().newInstance());
        Class<?> channelType = l.loadClass("io.netty.channel.Channel");
        Object channel = l.loadClass("io.netty.channel.embedded.EmbeddedChannel")
                .getConstructor(handlers.getClass()).newInstance(handlers);
        Class<?> type = l.loadClass(TYPE);
        type.getMethod("handshake", channelType).invoke(handshaker, channel);
        Field key = handshaker.getClass().getDeclaredField("expectedChallengeResponseString");
        key.setAccessible(true);
        Class<?> httpVersion = l.loadClass(http + "HttpVersion");
        Class<?> status = l.loadClass(http + "HttpResponseStatus");
        Object response = l.loadClass(http + "DefaultFullHttpResponse").getConstructor(httpVersion, status)
                .newInstance(httpVersion.getField("HTTP_1_1").get(null), status.getField("SWITCHING_PROTOCOLS").get(null));
        Object headers = response.getClass().getMethod("headers").invoke(response);
        Method set = headersType.getMethod("set", String.class, Object.class);
        if (c.equals("empty value")) { // first, and spelled as an HTTP/2 gateway would: both must stay as they are
            set.invoke(headers, "sec-websocket-protocol", "");
        }
        set.invoke(headers, "Upgrade", "websocket");
        set.invoke(headers, "Connection", "Upgrade");
        set.invoke(headers, "Sec-WebSocket-Accept", c.equals("wrong accept key") ? "wrong" : key.get(handshaker));
        if (c.equals("selected")) {
            set.invoke(headers, "Sec-WebSocket-Protocol", "superchat");
        } else if (c.equals("not offered")) {
            set.invoke(headers, "Sec-WebSocket-Protocol", "other");
        } else if (c.equals("no codec")) {
            Object pipeline = channelType.getMethod("pipeline").invoke(channel);
            l.loadClass("io.netty.channel.ChannelPipeline").getMethod("remove", Class.class)
                    .invoke(pipeline, l.loadClass(http + "HttpClientCodec"));
        }
        String outcome;
        try {
            type.getMethod("finishHandshake", channelType, l.loadClass(http + "FullHttpResponse"))
                    .invoke(handshaker, channel, response);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = ("threw " + e.getCause()).replaceAll("(?i)(expected:?) [A-Za-z0-9+/=]+$", "$1 (key)");
        }
        return outcome + " actual " + type.getMethod("actualSubprotocol").invoke(handshaker) + " headers "
                + new ArrayList<>((Collection<?>) headersType.getMethod("names").invoke(headers));
    }

    /** The version's jars, with the handshaker class as given; the agent's Hook is found through the system loader. */
    private static final class Library extends URLClassLoader {
        private final byte[] handshaker;

        Library(URL[] urls, byte[] handshaker) {
            super(urls, null);
            this.handshaker = handshaker;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals(TYPE)) {
                return defineClass(name, handshaker, 0, handshaker.length);
            }
            return super.findClass(name);
        }

        @Override
        public void close() throws IOException {
            super.close();
        }
    }
}
