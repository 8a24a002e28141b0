package dev.wssubprotocol.it.driver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A long-running client JVM for the runtime-attach tests (Java 8 level: it runs on every JDK under test): it stays up while the agent is attached and detached,
 * and runs the missing-header case ({@link Case#OFFERED_OMITTED}) whenever it is told to.
 * <p>
 * Arguments: {@code <driver class> <uri of the header-omitting server's /omit>}. Prints {@code READY <pid>}, then
 * reads one command a line from stdin:
 * <ul>
 *   <li>{@code try}: one handshake; prints {@code TRY OK subprotocol=null echo=hello} or {@code TRY FAIL <error>}</li>
 *   <li>{@code burst <count> <threads> <pause ms> <held>}: that many handshakes at once on a pool of threads, each
 *       thread pausing between two of its handshakes. The last {@code held} handshakes wait until a line
 *       {@code release} comes on stdin. Prints {@code BURST PROGRESS <threads>} once the first {@code threads} have
 *       finished, then {@code BURST <before|after> <times> <outcome>} for each distinct outcome before and after
 *       the release, and {@code BURST DONE <finished>/<count>}</li>
 *   <li>{@code quit}: exits</li>
 * </ul>
 */
public final class AttachTarget {
    private static final long BURST_TIMEOUT_SECONDS = 120;

    private final Driver driver;
    private final String uri;

    private AttachTarget(Driver driver, String uri) {
        this.driver = driver;
        this.uri = uri;
    }

    public static void main(String[] args) throws Exception {
        Driver driver = (Driver) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        AttachTarget target = new AttachTarget(driver, args[1]);
        System.out.println("READY " + IdleTarget.pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("try")) {
                System.out.println("TRY " + target.once());
            } else if (words[0].equals("burst")) {
                target.burst(Integer.parseInt(words[1]), Integer.parseInt(words[2]), Long.parseLong(words[3]),
                        Integer.parseInt(words[4]), in);
            } else {
                System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
        driver.shutdown();
        System.exit(0);
    }

    private String once() {
        try {
            return driver.exchange(Case.OFFERED_OMITTED, uri, "handshaker");
        } catch (Throwable t) {
            return "FAIL " + Driver.describe(t);
        }
    }

    private void burst(int count, int threads, long pauseMillis, int held, BufferedReader in) throws Exception {
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    for (int ticket = tickets.getAndIncrement(); ticket < count; ticket = tickets.getAndIncrement()) {
                        boolean after = ticket >= count - held;
                        if (after && !release.await(BURST_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                            return;
                        }
                        String outcome = (after ? "after " : "before ") + once();
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        if (finished.incrementAndGet() == threads) {
                            System.out.println("BURST PROGRESS " + threads);
                            System.out.flush();
                        }
                        Thread.sleep(pauseMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        String line = in.readLine();
        if (!"release".equals(line)) {
            System.out.println("UNKNOWN " + line);
        }
        release.countDown();
        pool.shutdown();
        pool.awaitTermination(BURST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Map.Entry<String, AtomicInteger> e : new TreeMap<>(outcomes).entrySet()) {
            String[] phaseAndOutcome = e.getKey().split(" ", 2);
            System.out.println("BURST " + phaseAndOutcome[0] + " " + e.getValue() + " " + phaseAndOutcome[1]);
        }
        System.out.println("BURST DONE " + finished.get() + "/" + count);
        pool.shutdownNow();
    }
}
