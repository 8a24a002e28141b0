package dev.wssubprotocol.it.support;

import org.reactivestreams.Publisher;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * WebSockets over HTTP/2 (RFC 8441): Reactor Netty's own server, cleartext HTTP/2 with prior knowledge on
 * 127.0.0.1, with SETTINGS_ENABLE_CONNECT_PROTOCOL, echoing text messages. It answers each path of
 * {@link RawServer} the same way where HTTP/2 has the same thing:
 * <ul>
 *   <li>{@code /}, {@code /omit}: the library's default, no subprotocol configured: no sec-websocket-protocol</li>
 *   <li>{@code /select-superchat}: the library selects it ({@code WebsocketServerSpec.protocols("superchat")})</li>
 *   <li>{@code /select-chat}, {@code /select-evil}, {@code /select-two} ("chat, superchat"), {@code /select-empty}
 *       (""): set as a response header before the upgrade; the library keeps it when it selects nothing itself</li>
 * </ul>
 * HTTP/2 has no Upgrade header and no Sec-WebSocket-Accept: the handshake's only other check is the CONNECT's
 * status. The two paths that pair a missing header with a broken handshake are therefore answered with their
 * HTTP/2 counterparts, both without sec-websocket-protocol: {@code /omit-bad-accept} with status 403 (the server
 * refuses), {@code /omit-no-upgrade} with status 200 and the stream ended at once (the server answered, but no
 * WebSocket stream follows).
 */
public final class Http2Server {
    private static DisposableServer server;

    private Http2Server() {
    }

    /** Started on first use: only the HTTP/2 tests need it. */
    public static synchronized String base() {
        if (server == null) {
            server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .protocol(HttpProtocol.H2C)
                    .http2Settings(settings -> settings.connectProtocolEnabled(true))
                    .handle(Http2Server::answer)
                    .bindNow();
        }
        return "ws://127.0.0.1:" + server.port();
    }

    private static Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        String selected;
        switch (request.uri()) {
            case "/omit-bad-accept":
                return response.status(403).send();
            case "/omit-no-upgrade":
                return response.status(200).send();
            case "/select-superchat":
                return response.sendWebsocket(Http2Server::echo,
                        WebsocketServerSpec.builder().protocols("superchat").build());
            case "/select-chat":
                selected = "chat";
                break;
            case "/select-evil":
                selected = "evil";
                break;
            case "/select-two":
                selected = "chat, superchat";
                break;
            case "/select-empty":
                selected = "";
                break;
            default:
                selected = null;
        }
        if (selected != null) {
            response.header("sec-websocket-protocol", selected);
        }
        return response.sendWebsocket(Http2Server::echo);
    }

    private static Publisher<Void> echo(WebsocketInbound in, WebsocketOutbound out) {
        return out.sendString(in.receive().asString());
    }
}
