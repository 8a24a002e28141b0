package dev.wssubprotocol.it.driver;

import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgradeResponse;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.ActorMaterializer;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import com.typesafe.config.ConfigFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Pekko HTTP's Java API: {@code Http.get(system).singleWebSocketRequest(WebSocketRequest, flow, materializer)},
 * offering the case's subprotocols as one comma-separated string ({@code requestSubprotocol}, which Pekko HTTP
 * splits at commas; the Java API has no list form). The subprotocol reported is
 * {@code WebSocketUpgradeResponse.chosenSubprotocol()}, an Optional; an invalid upgrade is reported with its
 * {@code invalidationReason()}. Only API present from 1.0 to 1.3 is used, and no Scala type, so the one class
 * compiled against the Scala 2.13 artifacts runs on the Scala 3 artifacts too.
 */
public final class PekkoHttpDriver extends Driver {
    private final ActorSystem system = ActorSystem.create("driver", ConfigFactory.parseString(
            "pekko.loglevel = OFF\npekko.stdout-loglevel = OFF").withFallback(ConfigFactory.load()));
    @SuppressWarnings("deprecation")
    private final Materializer materializer = ActorMaterializer.create(system);

    public static void main(String[] args) throws Exception {
        new PekkoHttpDriver().run(args);
    }

    @Override
    protected String exchange(Case c, String uri, String mode) throws Exception {
        WebSocketRequest request = WebSocketRequest.create(uri);
        if (c.offer != null) {
            request = request.requestSubprotocol(c.offer);
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
