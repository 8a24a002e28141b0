package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.javawebsocket.JavaWebSocketPatch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.Weaver;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.HandshakeImpl1Server;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Java-WebSocket's real draft (1.3.7, on the test class path) checking built handshakes: without the agent, woven
 * by the inliner and by Byte Buddy. Beside the outcome, what the application sees afterwards: the protocol the
 * draft reports and its list of protocols, which must be the application's own list again (the same object, the
 * same entries as the draft held before).
 */
class JavaWebSocketHandshakeTest {
    @BeforeAll
    static void activate() {
        Status.started("test", "patches=java-websocket", false, false);
    }

    @AfterAll
    static void deactivate() {
        Status.detached();
    }

    @Test
    void theInlinerAndByteBuddyAgreeAndTheDraftKeepsTheApplicationsProtocols() throws Exception {
        byte[] original = NettyHandshakeTest.bytes(JavaWebSocketPatch.TYPE);
        ClassLoader agent = getClass().getClassLoader();
        Map<String, String> plain = runAll(original);
        Map<String, String> inlined = runAll(Weaver.weave(Patches.get(JavaWebSocketPatch.ID), "", agent, original,
                agent));
        assertEquals(runAll(NettyHandshakeTest.byteBuddy(JavaWebSocketPatch.TYPE, JavaWebSocketPatch.ADVICE,
                JavaWebSocketPatch.METHOD, original)), inlined);
        String own = " known [chat, superchat] (the application's list)";
        assertEquals("NOT_MATCHED protocol null" + own, plain.get("no header"));
        assertEquals("MATCHED protocol ''" + own, inlined.get("no header"));
        assertEquals("MATCHED protocol 'superchat'" + own, inlined.get("selected"));
        assertEquals(plain.get("selected"), inlined.get("selected"));
        assertEquals("NOT_MATCHED protocol null" + own, inlined.get("not offered"));
        assertEquals(plain.get("not offered"), inlined.get("not offered"));
        assertEquals("NOT_MATCHED protocol null" + own, inlined.get("wrong accept key"));
        assertEquals(plain.get("wrong accept key"), inlined.get("wrong accept key"));
    }

    private static Map<String, String> runAll(byte[] draft) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<String, String>();
        for (String c : new String[] {"no header", "selected", "not offered", "wrong accept key"}) {
            outcomes.put(c, run(draft, c));
        }
        return outcomes;
    }

    private static String run(byte[] draftClass, String c) throws Exception {
        ClassLoader loader = new NettyHandshakeTest.PackageLoader("org.java_websocket.drafts.",
                JavaWebSocketPatch.TYPE, draftClass);
        List<IProtocol> protocols = new ArrayList<IProtocol>();
        protocols.add(new Protocol("chat"));
        protocols.add(new Protocol("superchat"));
        List<IProtocol> copy = new ArrayList<IProtocol>(protocols);
        Class<?> type = loader.loadClass(JavaWebSocketPatch.TYPE);
        Object draft = type.getConstructor(List.class, List.class)
                .newInstance(Collections.<IExtension>emptyList(), protocols);
        Object before = type.getMethod("getKnownProtocols").invoke(draft); // the draft's copy of the application's list
        HandshakeImpl1Client request = new HandshakeImpl1Client();
        request.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.put("Host", "127.0.0.1:1");
        request.setResourceDescriptor("/");
        HandshakeImpl1Server response = new HandshakeImpl1Server();
        response.put("Upgrade", "websocket");
        response.put("Connection", "Upgrade");
        response.put("Sec-WebSocket-Accept", c.equals("wrong accept key") ? "wrong" : accept(
                "dGhlIHNhbXBsZSBub25jZQ=="));
        if (c.equals("selected")) {
            response.put("Sec-WebSocket-Protocol", "superchat");
        } else if (c.equals("not offered")) {
            response.put("Sec-WebSocket-Protocol", "other");
        }
        String outcome;
        try {
            outcome = String.valueOf(type.getMethod("acceptHandshakeAsClient",
                    org.java_websocket.handshake.ClientHandshake.class,
                    org.java_websocket.handshake.ServerHandshake.class).invoke(draft, request, response));
        } catch (InvocationTargetException e) {
            outcome = "threw " + e.getCause();
        }
        IProtocol protocol = (IProtocol) type.getMethod("getProtocol").invoke(draft);
        Object known = type.getMethod("getKnownProtocols").invoke(draft);
        return outcome + " protocol " + (protocol == null ? "null" : "'" + protocol.getProvidedProtocol() + "'")
                + " known " + known + (known == before && copy.equals(known) ? " (the application's list)"
                : " (NOT the application's list)");
    }

    private static String accept(String key) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    }
}
