package dev.wssubprotocol.it.driver;

import akka.actor.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.model.ws.Message;
import akka.http.javadsl.model.ws.TextMessage;
import akka.http.javadsl.model.ws.WebSocketRequest;
import akka.http.javadsl.model.ws.WebSocketUpgradeResponse;
import akka.japi.Pair;
import akka.stream.ActorMaterializer;
import akka.stream.Materializer;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import com.typesafe.config.ConfigFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Akka HTTP's Java API: {@code Http.get(system).singleWebSocketRequest(WebSocketRequest, flow, materializer)}.
 * The Java API takes the offer as one string ({@code requestSubprotocol}): in mode {@code offer-list} it gets the
 * case's comma-separated list, which Akka HTTP splits from 10.1.10 on; in mode {@code offer-first} (for 10.0 to
 * 10.1.9, which send and check that string as one subprotocol) it gets only the first. The subprotocol reported is
 * {@code WebSocketUpgradeResponse.chosenSubprotocol()}, an Optional; an invalid upgrade is reported with its
 * {@code invalidationReason()}. Only API present from 10.0 (Akka 2.4) to 10.5 (Akka 2.7) is used, and no Scala
 * type, so the one class compiled against the Scala 2.13 artifacts runs on the 2.12 and 3 artifacts too.
 */
public final class AkkaHttpDriver extends Driver {
    private final ActorSystem system = ActorSystem.create("driver", ConfigFactory.parseString(
            "akka.loglevel = OFF\nakka.stdout-loglevel = OFF").withFallback(ConfigFactory.load()));
    @SuppressWarnings("deprecation")
    private final Materializer materializer = ActorMaterializer.create(system);

    public static void main(String[] args) throws Exception {
        new AkkaHttpDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketRequest request = WebSocketRequest.create(uri);
        if (c.offer != null) {
            request = request.requestSubprotocol("offer-first".equals(mode) ? c.offerList().get(0) : c.offer);
        }
        Flow<Message, Message, Pair<CompletionStage<String>, CompletableFuture<Optional<Message>>>> flow =
                Flow.fromSinkAndSourceMat(
                        Flow.<Message>create()
                                .mapAsync(1, m -> m.asTextMessage().getStreamedText()
                                        .runFold("", (a, b) -> a + b, materializer))
                                .toMat(Sink.<String>head(), Keep.right()),
                        Source.<Message>single(TextMessage.create(MESSAGE)).concatMat(Source.maybe(), Keep.right()),
                        Keep.both());
        Pair<CompletionStage<WebSocketUpgradeResponse>, Pair<CompletionStage<String>,
                CompletableFuture<Optional<Message>>>> result =
                Http.get(system).singleWebSocketRequest(request, flow, materializer);
        try {
            WebSocketUpgradeResponse upgrade = await(result.first().toCompletableFuture());
            if (!upgrade.isValid()) {
                throw new IllegalStateException("invalid upgrade: " + upgrade.invalidationReason());
            }
            String echo = await(result.second().first().toCompletableFuture());
            return okShown(String.valueOf(upgrade.chosenSubprotocol()), echo);
        } finally {
            result.second().second().complete(Optional.empty());
        }
    }

    @Override
    protected void shutdown() {
        system.terminate();
    }
}
