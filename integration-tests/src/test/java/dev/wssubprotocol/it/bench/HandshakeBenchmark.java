package dev.wssubprotocol.it.bench;

import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Netty's {@code WebSocketClientHandshaker#finishHandshake} on a prepared 101 response, in JVMs without and with
 * the agent (which patches that method): the cost the advice adds to the handshakes it does not change. One channel,
 * handshaker and response are prepared per thread (the handshaker has sent its request, so the response carries the
 * matching Sec-WebSocket-Accept); each operation puts a fresh {@code HttpClientCodec} into the pipeline, calls
 * {@code finishHandshake}, and takes the WebSocket decoder that it installed out again, so the same response can be
 * checked again. Cases: the server selects an offered subprotocol; the client offers none and the response has none.
 * Run by ./benchmark.sh; not part of the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class HandshakeBenchmark {
    private static final Pattern KEY = Pattern.compile("(?i)sec-websocket-key: *(\\S+)");

    @Param({"selected", "none-offered"})
    public String response;

    private EmbeddedChannel channel;
    private WebSocketClientHandshaker handshaker;
    private FullHttpResponse prepared;
    private String expected;

    @Setup
    public void prepare() throws Exception {
        boolean offer = response.equals("selected");
        expected = offer ? "superchat" : null;
        channel = new EmbeddedChannel(new HttpClientCodec());
        handshaker = WebSocketClientHandshakerFactory.newHandshaker(URI.create("ws://127.0.0.1/chat"),
                WebSocketVersion.V13, offer ? "chat, superchat" : null, false, EmptyHttpHeaders.INSTANCE);
        handshaker.handshake(channel).sync();
        StringBuilder request = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            request.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        Matcher key = KEY.matcher(request);
        if (!key.find()) {
            throw new IllegalStateException("no key in " + request);
        }
        prepared = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
        prepared.headers().set("Upgrade", "websocket").set("Connection", "Upgrade").set("Sec-WebSocket-Accept",
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                        (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII))));
        if (offer) {
            prepared.headers().set("Sec-WebSocket-Protocol", "superchat");
        }
        channel.pipeline().remove(HttpClientCodec.class);
        finishHandshake(); // once outside the measurement: fails here, not in the results, if anything is off
    }

    @Benchmark
    public String finishHandshake() {
        channel.pipeline().addFirst("codec", new HttpClientCodec());
        handshaker.finishHandshake(channel, prepared);
        channel.runPendingTasks(); // the codec's delayed removal
        channel.pipeline().remove("ws-decoder");
        String actual = handshaker.actualSubprotocol();
        if (!java.util.Objects.equals(expected, actual)) {
            throw new IllegalStateException("subprotocol " + actual);
        }
        return actual;
    }

    @TearDown
    public void close() {
        prepared.release();
        channel.finishAndReleaseAll();
    }

    /**
     * @param args [forks per run, default 5] [repeats, default 1: runs alternate without, with, without, with, ...
     *             and the ratio is the median of run-by-run ratios] [JDK major version, default all]
     */
    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (Jdks.Jdk jdk : Jdks.all()) {
            if (args.length > 2 && jdk.major() != Integer.parseInt(args[2])) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%n#### Netty 4.1.140 `finishHandshake`, %s, JMH average time, %d forks x "
                    + "10 s per run, %d run(s) per variant, alternating%n%n| response | without agent, ns per call "
                    + "| with agent, ns per call | with / without |%n| --- | --- | --- | --- |%n", jdk, forks, repeats);
            for (String response : new String[] {"selected", "none-offered"}) {
                List<String> without = new ArrayList<>();
                List<String> with = new ArrayList<>();
                double[] ratios = new double[repeats];
                for (int i = 0; i < repeats; i++) {
                    Result a = run(jdk, response, forks, List.of());
                    Result b = run(jdk, response, forks, List.of("-javaagent:" + Fork.AGENT_JAR,
                            "-Dws.subprotocol.agent.log=quiet"));
                    without.add(String.format(Locale.ROOT, "%.1f ± %.1f", a.getScore(), a.getScoreError()));
                    with.add(String.format(Locale.ROOT, "%.1f ± %.1f", b.getScore(), b.getScoreError()));
                    ratios[i] = b.getScore() / a.getScore();
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f |%n",
                        response.equals("selected") ? "server selects an offered subprotocol"
                                : "none offered, none selected",
                        String.join(", ", without), String.join(", ", with), StartupBenchmark.median(ratios));
            }
        }
    }

    private static Result run(Jdks.Jdk jdk, String response, int forks, List<String> jvmArgs) throws Exception {
        List<String> all = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        if (jdk.major() >= 24) {
            all.add("--sun-misc-unsafe-memory-access=allow"); // JMH's own use of Unsafe, else a warning per fork
        }
        all.addAll(jvmArgs);
        RunResult result = new Runner(new OptionsBuilder()
                .include(HandshakeBenchmark.class.getName() + ".finishHandshake")
                .param("response", response)
                .forks(forks)
                .jvm(jdk.java().toString())
                .jvmArgs(all.toArray(new String[0]))
                .verbosity(VerboseMode.SILENT)
                .build()).runSingle();
        return result.getPrimaryResult();
    }
}
