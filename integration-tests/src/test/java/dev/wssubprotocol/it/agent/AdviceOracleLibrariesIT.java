package dev.wssubprotocol.it.agent;

import dev.wssubprotocol.it.support.Libraries;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.wssubprotocol.it.support.AdviceOracle.CASES;
import static dev.wssubprotocol.it.support.AdviceOracle.accept;
import static dev.wssubprotocol.it.support.AdviceOracle.oracle;
import static dev.wssubprotocol.it.support.AdviceOracle.protocolHeader;
import static dev.wssubprotocol.it.support.AdviceOracle.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Byte Buddy's {@code Advice} as the oracle on the other real targets, at every version their contract ITs test
 * ({@link AdviceOracleIT} does Netty 4; Paho and Grizzly have their cases in PahoIT and GrizzlyIT): each version's
 * target class is woven once by Byte Buddy and once by the agent's inliner from the same advice class, and the same
 * handshakes run in-process against both (support/AdviceOracle). Outcome,
 * exception type and message, the subprotocol the library reports, and the response (and for Java-WebSocket the
 * draft's protocol list) afterwards must be the same; positive controls show that each case did what it is there for.
 * The agent runs with empty=absent, so the empty-value case goes through the advice too.
 */
class AdviceOracleLibrariesIT {
    // ---------------------------------------------------------------------------------------------- Java-WebSocket

    @ParameterizedTest(name = "Java-WebSocket {0}")
    @ValueSource(strings = {"1.3.7", "1.3.9", "1.4.1", "1.5.2", "1.5.7", "1.6.0"}) // JavaWebSocketIT's versions
    void javaWebSocket(String version) throws Exception {
        Map<String, Map<String, String>> all = oracle("java-websocket",
                Libraries.classpath("org.java-websocket:Java-WebSocket:" + version), CASES,
                AdviceOracleLibrariesIT::javaWebSocket);
        Map<String, String> plain = all.get("plain");
        Map<String, String> ours = all.get("inliner");
        String own = " (the application's list)";
        String sent = " response [Connection=Upgrade, Sec-WebSocket-Accept=(key), ";
        assertEquals("NOT_MATCHED protocol null known [chat, superchat]" + own + sent + "Upgrade=websocket]",
                plain.get("no header"));
        assertEquals("MATCHED protocol '' known [chat, superchat]" + own + sent + "Upgrade=websocket]",
                ours.get("no header"));
        assertEquals("MATCHED protocol '' known [chat, superchat]" + own + sent
                + "Sec-WebSocket-Protocol=, Upgrade=websocket]", ours.get("empty value"));
        assertEquals("MATCHED protocol 'superchat' known [chat, superchat]" + own + sent
                + "Sec-WebSocket-Protocol=superchat, Upgrade=websocket]", ours.get("selected"));
        for (String c : new String[] {"selected", "not offered", "two values", "none offered", "wrong accept key"}) {
            assertEquals(plain.get(c), ours.get(c), c);
        }
        assertTrue(ours.get("not offered").startsWith("NOT_MATCHED protocol null"), ours.get("not offered"));
        assertTrue(ours.get("wrong accept key").startsWith("NOT_MATCHED protocol null"), ours.get("wrong accept key"));
    }

    private static String javaWebSocket(ClassLoader l, String c) throws Exception {
        String drafts = "org.java_websocket.drafts.";
        String handshake = "org.java_websocket.handshake.";
        Class<?> protocolType = l.loadClass("org.java_websocket.protocols.Protocol");
        List<Object> protocols = new ArrayList<>();
        if (!c.equals("none offered")) {
            protocols.add(protocolType.getConstructor(String.class).newInstance("chat"));
            protocols.add(protocolType.getConstructor(String.class).newInstance("superchat"));
        }
        List<Object> copy = new ArrayList<>(protocols);
        Class<?> type = l.loadClass(drafts + "Draft_6455");
        Object draft = type.getConstructor(List.class, List.class).newInstance(new ArrayList<>(), protocols);
        Object before = type.getMethod("getKnownProtocols").invoke(draft);
        Object request = l.loadClass(handshake + "HandshakeImpl1Client").getConstructor().newInstance();
        Method put = request.getClass().getMethod("put", String.class, String.class);
        put.invoke(request, "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        put.invoke(request, "Host", "127.0.0.1:1");
        request.getClass().getMethod("setResourceDescriptor", String.class).invoke(request, "/");
        Object response = l.loadClass(handshake + "HandshakeImpl1Server").getConstructor().newInstance();
        put = response.getClass().getMethod("put", String.class, String.class);
        put.invoke(response, "Upgrade", "websocket");
        put.invoke(response, "Connection", "Upgrade");
        put.invoke(response, "Sec-WebSocket-Accept", c.equals("wrong accept key") ? "wrong"
                : accept("dGhlIHNhbXBsZSBub25jZQ=="));
        if (protocolHeader(c) != null) {
            put.invoke(response, "Sec-WebSocket-Protocol", protocolHeader(c));
        }
        String outcome;
        try {
            outcome = String.valueOf(type.getMethod("acceptHandshakeAsClient", l.loadClass(handshake
                    + "ClientHandshake"), l.loadClass(handshake + "ServerHandshake")).invoke(draft, request, response));
        } catch (InvocationTargetException e) {
            outcome = thrown(e);
        }
        Object protocol = type.getMethod("getProtocol").invoke(draft);
        Object known = type.getMethod("getKnownProtocols").invoke(draft);
        List<String> fields = new ArrayList<>();
        Method value = response.getClass().getMethod("getFieldValue", String.class);
        for (Iterator<?> i = (Iterator<?>) response.getClass().getMethod("iterateHttpFields").invoke(response);
             i.hasNext(); ) {
            String name = (String) i.next();
            String v = (String) value.invoke(response, name);
            fields.add(name + "=" + (name.equals("Sec-WebSocket-Accept") && !v.equals("wrong") ? "(key)" : v));
        }
        fields.sort(String.CASE_INSENSITIVE_ORDER); // the library keeps them in a TreeMap in some versions
        return outcome + " protocol " + (protocol == null ? "null"
                : "'" + protocol.getClass().getMethod("getProvidedProtocol").invoke(protocol) + "'")
                + " known " + known + (known == before && copy.equals(known) ? " (the application's list)"
                : " (NOT the application's list)") + " response " + fields;
    }

    // ------------------------------------------------------------------------------------------------------ Netty 5

    @ParameterizedTest(name = "Netty {0}")
    @ValueSource(strings = {"5.0.0.Alpha3", "5.0.0.Alpha4", "5.0.0.Alpha5"}) // Netty5IT's versions
    void netty5(String version) throws Exception {
        String[] cases = new String[CASES.length + 1];
        System.arraycopy(CASES, 0, cases, 0, CASES.length);
        cases[CASES.length] = "no codec";
        Map<String, Map<String, String>> all = oracle("netty5",
                Libraries.classpath("io.netty:netty5-codec-http:" + version), cases, AdviceOracleLibrariesIT::netty5);
        Map<String, String> plain = all.get("plain");
        Map<String, String> ours = all.get("inliner");
        String invalid = "threw io.netty5.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid"
                + " subprotocol. Actual: null. Expected one of: chat, superchat";
        String sent = " [connection=Upgrade, sec-websocket-accept=(key), ";
        assertEquals(invalid + " actual null complete false headers" + sent + "upgrade=websocket]",
                plain.get("no header"));
        assertEquals("ok actual null complete true headers" + sent + "upgrade=websocket]", ours.get("no header"));
        // empty=absent: the empty value is given back as the server sent it, its spelling of the name included
        assertEquals("ok actual null complete true headers" + sent + "sec-websocket-protocol=, upgrade=websocket]",
                ours.get("empty value"));
        assertEquals("ok actual superchat complete true headers" + sent
                + "sec-websocket-protocol=superchat, upgrade=websocket]", ours.get("selected"));
        for (String c : new String[] {"selected", "not offered", "two values", "none offered", "wrong accept key"}) {
            assertEquals(plain.get(c), ours.get(c), c);
        }
        assertTrue(ours.get("not offered").startsWith("threw "), ours.get("not offered"));
        assertTrue(ours.get("wrong accept key").startsWith("threw "), ours.get("wrong accept key"));
        // past the checks the library fails (no HTTP codec): its exception, and no subprotocol the server never sent
        assertEquals(invalid + " actual null complete false headers" + sent + "upgrade=websocket]",
                plain.get("no codec"));
        assertTrue(ours.get("no codec").startsWith("threw java.lang.IllegalStateException: "), ours.get("no codec"));
        assertTrue(ours.get("no codec").endsWith(" actual null complete true headers" + sent + "upgrade=websocket]"),
                ours.get("no codec"));
    }

    private static String netty5(ClassLoader l, String c) throws Exception {
        String http = "io.netty5.handler.codec.http.";
        String ws = http + "websocketx.";
        Class<?> type = l.loadClass(ws + "WebSocketClientHandshaker13");
        Constructor<?> constructor = null;
        for (Constructor<?> k : type.getConstructors()) {
            if (k.getParameterCount() == 5) {
                constructor = k;
            }
        }
        Object handshaker = constructor.newInstance(new URI("ws://127.0.0.1:1/"),
                c.equals("none offered") ? null : "chat, superchat", false, null, 65536);
        Object codec = l.loadClass(http + "HttpClientCodec").getConstructor().newInstance();
        Class<?> handlerType = l.loadClass("io.netty5.channel.ChannelHandler");
        Object handlers = java.lang.reflect.Array.newInstance(handlerType, 1);
        java.lang.reflect.Array.set(handlers, 0, codec);
        Class<?> channelType = l.loadClass("io.netty5.channel.Channel");
        Object channel = l.loadClass("io.netty5.channel.embedded.EmbeddedChannel").getConstructor(handlers.getClass())
                .newInstance(handlers);
        Class<?> base = l.loadClass(ws + "WebSocketClientHandshaker");
        base.getMethod("handshake", channelType).invoke(handshaker, channel);
        Field nonce = type.getDeclaredField("sentNonce");
        nonce.setAccessible(true);
        Constructor<?> responseConstructor = null;
        for (Constructor<?> k : l.loadClass(http + "DefaultFullHttpResponse").getConstructors()) {
            if (k.getParameterCount() == 3) {
                responseConstructor = k;
            }
        }
        Class<?> bufferType = responseConstructor.getParameterTypes()[2];
        Class<?> allocators = l.loadClass(bufferType.getPackageName() + ".DefaultBufferAllocators");
        Method onHeap = allocators.getMethod("onHeapAllocator");
        Object buffer = onHeap.getReturnType().getMethod("allocate", int.class).invoke(onHeap.invoke(null), 0);
        Class<?> httpVersion = l.loadClass(http + "HttpVersion");
        Class<?> status = l.loadClass(http + "HttpResponseStatus");
        Object response = responseConstructor.newInstance(httpVersion.getField("HTTP_1_1").get(null),
                status.getField("SWITCHING_PROTOCOLS").get(null), buffer);
        Method headersMethod = l.loadClass(http + "HttpMessage").getMethod("headers");
        Object headers = headersMethod.invoke(response);
        Class<?> headersType = headersMethod.getReturnType();
        Method set = null;
        for (Method m : headersType.getMethods()) {
            if (m.getName().equals("set") && m.getParameterCount() == 2 && m.getParameterTypes()[0] == CharSequence.class
                    && (m.getParameterTypes()[1] == Object.class || m.getParameterTypes()[1] == CharSequence.class)) {
                set = m;
            }
        }
        set.invoke(headers, "upgrade", "websocket");
        set.invoke(headers, "connection", "Upgrade");
        set.invoke(headers, "sec-websocket-accept", c.equals("wrong accept key") ? "wrong"
                : accept((String) nonce.get(handshaker)));
        if (protocolHeader(c) != null) {
            set.invoke(headers, "sec-websocket-protocol", protocolHeader(c));
        }
        if (c.equals("no codec")) {
            Object pipeline = channelType.getMethod("pipeline").invoke(channel);
            l.loadClass("io.netty5.channel.ChannelPipeline").getMethod("remove", Class.class)
                    .invoke(pipeline, codec.getClass());
        }
        String outcome;
        try {
            base.getMethod("finishHandshake", channelType, l.loadClass(http + "FullHttpResponse"))
                    .invoke(handshaker, channel, response);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = thrown(e);
        }
        List<String> fields = new ArrayList<>();
        Method get = headersType.getMethod("get", CharSequence.class);
        for (Object name : (Iterable<?>) headersType.getMethod("names").invoke(headers)) {
            String v = String.valueOf(get.invoke(headers, name));
            fields.add(name + "=" + (String.valueOf(name).equals("sec-websocket-accept") && !v.equals("wrong")
                    ? "(key)" : v));
        }
        fields.sort(String.CASE_INSENSITIVE_ORDER); // Alpha5's names() is in hash order
        return outcome + " actual " + base.getMethod("actualSubprotocol").invoke(handshaker)
                + " complete " + base.getMethod("isHandshakeComplete").invoke(handshaker) + " headers " + fields;
    }

    // ------------------------------------------------------------------------------------- Reactor Netty HTTP/2

    @ParameterizedTest(name = "Reactor Netty {0} over HTTP/2")
    @ValueSource(strings = {"1.2.5", "1.2.18", "1.3.7"}) // ReactorNettyHttp2IT's versions
    void reactorNettyHttp2(String version) throws Exception {
        // RFC 8441: no accept key over HTTP/2, so no wrong-accept-key case; "no ws-encoder": a failure after the
        // checks, the handshake already marked complete
        String[] cases = {"no header", "selected", "not offered", "two values", "empty value", "none offered",
                "no ws-encoder"};
        Map<String, Map<String, String>> all = oracle("reactor-netty-http2",
                Libraries.classpath("io.projectreactor.netty:reactor-netty-http:" + version), cases,
                AdviceOracleLibrariesIT::reactorNettyHttp2);
        Map<String, String> plain = all.get("plain");
        Map<String, String> ours = all.get("inliner");
        String invalid = "threw io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid"
                + " subprotocol. Actual [null]. Expected one of [chat, superchat]";
        assertEquals(invalid + " actual null complete false headers []", plain.get("no header"));
        assertEquals("ok actual null complete true headers []", ours.get("no header"));
        // empty=absent: given back as sent (the server's spelling here is the advice's)
        assertEquals("ok actual null complete true headers [Sec-WebSocket-Protocol=]", ours.get("empty value"));
        assertEquals("ok actual superchat complete true headers [Sec-WebSocket-Protocol=superchat]",
                ours.get("selected"));
        for (String c : new String[] {"selected", "not offered", "two values", "none offered"}) {
            assertEquals(plain.get(c), ours.get(c), c);
        }
        assertTrue(ours.get("not offered").startsWith("threw "), ours.get("not offered"));
        // past the checks the library fails: its exception, and no subprotocol the server never sent
        assertEquals(invalid + " actual null complete false headers []", plain.get("no ws-encoder"));
        assertEquals("threw io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: ChannelPipeline"
                + " does not contain an ws-encoder actual null complete true headers []", ours.get("no ws-encoder"));
    }

    private static String reactorNettyHttp2(ClassLoader l, String c) throws Exception {
        String http = "io.netty.handler.codec.http.";
        Class<?> type = l.loadClass("reactor.netty.http.client.Http2WebsocketClientOperations$WebsocketClientHandshaker");
        Class<?> headersType = l.loadClass(http + "HttpHeaders");
        Constructor<?> constructor = type.getDeclaredConstructor(URI.class, String.class, headersType, int.class);
        constructor.setAccessible(true);
        Object handshaker = constructor.newInstance(new URI("ws://127.0.0.1:1/"),
                c.equals("none offered") ? null : "chat, superchat", null, 65536);
        Class<?> handlerType = l.loadClass("io.netty.channel.ChannelHandler");
        Class<?> channelType = l.loadClass("io.netty.channel.Channel");
        Object channel = l.loadClass("io.netty.channel.embedded.EmbeddedChannel")
                .getConstructor(java.lang.reflect.Array.newInstance(handlerType, 0).getClass())
                .newInstance(java.lang.reflect.Array.newInstance(handlerType, 0));
        if (!c.equals("no ws-encoder")) {
            Object pipeline = channelType.getMethod("pipeline").invoke(channel);
            l.loadClass("io.netty.channel.ChannelPipeline").getMethod("addLast", String.class, handlerType)
                    .invoke(pipeline, "ws-encoder",
                            l.loadClass("io.netty.channel.ChannelInboundHandlerAdapter").getConstructor().newInstance());
        }
        Class<?> httpVersion = l.loadClass(http + "HttpVersion");
        Class<?> status = l.loadClass(http + "HttpResponseStatus");
        Object response = l.loadClass(http + "DefaultHttpResponse").getConstructor(httpVersion, status)
                .newInstance(httpVersion.getField("HTTP_1_1").get(null), status.getField("OK").get(null));
        Object headers = l.loadClass(http + "HttpMessage").getMethod("headers").invoke(response);
        if (protocolHeader(c) != null) {
            headersType.getMethod("set", String.class, Object.class).invoke(headers, "Sec-WebSocket-Protocol",
                    protocolHeader(c));
        }
        Method finish = type.getDeclaredMethod("finishHandshake", channelType, l.loadClass(http + "HttpResponse"));
        finish.setAccessible(true);
        String outcome;
        try {
            finish.invoke(handshaker, channel, response);
            outcome = "ok";
        } catch (InvocationTargetException e) {
            outcome = thrown(e);
        }
        List<String> fields = new ArrayList<>();
        for (Object entry : (Iterable<?>) headersType.getMethod("entries").invoke(headers)) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
            fields.add(e.getKey() + "=" + e.getValue());
        }
        Field actual = type.getDeclaredField("actualSubProtocol");
        actual.setAccessible(true);
        Field complete = type.getDeclaredField("handshakeComplete");
        complete.setAccessible(true);
        return outcome + " actual " + actual.get(handshaker) + " complete " + complete.get(handshaker)
                + " headers " + fields;
    }

    // ------------------------------------------------------------------------------------------ Akka and Pekko HTTP

    /** AkkaHttpIT's versions: Scala binary version, akka-http-core, akka-stream (null: akka-http-core's own). */
    @ParameterizedTest(name = "Akka HTTP {0}")
    @ValueSource(strings = {"2.12 10.0.0", "2.12 10.1.9 2.5.23", "2.13 10.1.10 2.5.23", "2.12 10.5.3 2.7.0",
            "2.13 10.5.3 2.7.0", "3 10.5.3 2.7.0"})
    void akkaHttp(String version) throws Exception {
        String[] v = version.split(" ");
        String http = "com.typesafe.akka:akka-http-core_" + v[0] + ":" + v[1];
        scalaHttp("akka-http", "akka", v.length == 2 ? Libraries.classpath(http)
                : Libraries.classpath(http, "com.typesafe.akka:akka-stream_" + v[0] + ":" + v[2]));
    }

    /** PekkoHttpIT's versions: Scala binary version, pekko-http-core, pekko-stream. */
    @ParameterizedTest(name = "Pekko HTTP {0}")
    @ValueSource(strings = {"2.13 1.0.0 1.0.1", "2.13 1.3.0 1.1.5", "3 1.3.0 1.1.5"})
    void pekkoHttp(String version) throws Exception {
        String[] v = version.split(" ");
        scalaHttp("pekko-http", "org.apache.pekko", Libraries.classpath(
                "org.apache.pekko:pekko-http-core_" + v[0] + ":" + v[1], "org.apache.pekko:pekko-stream_" + v[0] + ":"
                        + v[2]));
    }

    private static void scalaHttp(String patch, String root, List<Path> jars) throws Exception {
        Map<String, Map<String, String>> all = oracle(patch, jars, CASES, (l, c) -> scalaHttp(root, l, c));
        Map<String, String> plain = all.get("plain");
        Map<String, String> ours = all.get("inliner");
        String offered = " offered List(chat, superchat) (untouched)";
        assertTrue(plain.get("no header").startsWith("Left("), plain.get("no header"));
        assertTrue(ours.get("no header").startsWith("Right(NegotiatedWebSocketSettings(None"), ours.get("no header"));
        assertTrue(ours.get("no header").contains(offered + " response "), ours.get("no header"));
        assertTrue(ours.get("empty value").startsWith("Right(NegotiatedWebSocketSettings(None"),
                ours.get("empty value"));
        assertTrue(ours.get("selected").startsWith("Right(NegotiatedWebSocketSettings(Some(superchat)"),
                ours.get("selected"));
        for (String c : new String[] {"selected", "not offered", "two values", "none offered", "wrong accept key"}) {
            assertEquals(plain.get(c), ours.get(c), c);
        }
        assertTrue(ours.get("not offered").startsWith("Left("), ours.get("not offered"));
        assertTrue(ours.get("wrong accept key").startsWith("Left("), ours.get("wrong accept key"));
        for (String c : CASES) {
            assertTrue(ours.get(c).contains(" response " + plain.get(c).replaceAll(".* response ", "")), c);
        }
    }

    private static String scalaHttp(String root, ClassLoader l, String c) throws Exception {
        String model = root + ".http.scaladsl.model.";
        Class<?> headerType = l.loadClass(model + "HttpHeader");
        Class<?> parser = l.loadClass(model + "HttpHeader$");
        Object parsers = parser.getField("MODULE$").get(null);
        Object settings = parser.getMethod("parse$default$3").invoke(parsers);
        Method parse = null;
        for (Method m : parser.getMethods()) {
            if (m.getName().equals("parse") && m.getParameterCount() == 3) {
                parse = m;
            }
        }
        String key = "dGhlIHNhbXBsZSBub25jZQ==";
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Upgrade", "websocket");
        sent.put("Connection", "Upgrade");
        sent.put("Sec-WebSocket-Accept", c.equals("wrong accept key") ? "wrong" : accept(key));
        if (protocolHeader(c) != null) {
            sent.put("Sec-WebSocket-Protocol", protocolHeader(c));
        }
        Object response = l.loadClass(root + ".http.javadsl.model.HttpResponse").getMethod("create").invoke(null);
        response = response.getClass().getMethod("withStatus", int.class).invoke(response, 101);
        Method addHeader = l.loadClass(root + ".http.javadsl.model.HttpMessage$MessageTransformations")
                .getMethod("addHeader", l.loadClass(root + ".http.javadsl.model.HttpHeader"));
        for (Map.Entry<String, String> h : sent.entrySet()) {
            Object result = parse.invoke(parsers, h.getKey(), h.getValue(), settings);
            // the library's own parser, as for a response off the wire; what it cannot parse stays a RawHeader
            Object header = result.getClass().getSimpleName().endsWith("Ok")
                    ? result.getClass().getMethod("header").invoke(result)
                    : l.loadClass(model + "headers.RawHeader").getConstructor(String.class, String.class)
                    .newInstance(h.getKey(), h.getValue());
            response = addHeader.invoke(response, header);
        }
        Object offered = l.loadClass("scala.collection.immutable.Nil$").getField("MODULE$").get(null);
        if (!c.equals("none offered")) {
            Method cons = offered.getClass().getMethod("$colon$colon", Object.class);
            offered = cons.invoke(offered, "superchat");
            offered = offered.getClass().getMethod("$colon$colon", Object.class).invoke(offered, "chat");
        }
        String offeredBefore = String.valueOf(offered);
        String responseBefore = String.valueOf(response);
        Class<?> client = l.loadClass(root + ".http.impl.engine.ws.Handshake$Client$");
        Method validate = null;
        for (Method m : client.getMethods()) {
            if (m.getName().equals("validateResponse") && m.getParameterCount() == 3) {
                validate = m;
            }
        }
        Object keyHeader = l.loadClass(model + "headers.Sec$minusWebSocket$minusKey").getConstructor(String.class)
                .newInstance(key);
        String outcome;
        try {
            outcome = String.valueOf(validate.invoke(client.getField("MODULE$").get(null), response, offered,
                    keyHeader)).replaceAll("@[0-9a-f]+", "@(hash)");
        } catch (InvocationTargetException e) {
            outcome = thrown(e);
        }
        return outcome + " offered " + offered + (offeredBefore.equals(String.valueOf(offered)) ? " (untouched)"
                : " (CHANGED)") + " response " + response + (responseBefore.equals(String.valueOf(response))
                ? "" : " (CHANGED)");
    }
}
