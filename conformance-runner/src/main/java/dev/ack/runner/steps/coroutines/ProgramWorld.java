package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import dev.ack.protocol.coroutines.CoroutinesOps;
import dev.ack.protocol.programs.LeafReadyArgs;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.peers.DelayServer;
import dev.ack.runner.peers.DeliberateWaits;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.After;
import io.cucumber.java.Before;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the coroutines, wakers and runtime scenarios share: their programs, the delay server that http leaves
 * talk to (started when a program first needs it), and the op that makes a manual leaf ready, which
 * both areas have ({@code co.leaf_ready}, {@code wk.leaf_ready}).
 */
public class ProgramWorld {
    private Op<LeafReadyArgs, Empty> leafReady;
    private DelayServer server;

    @Before("@area:coroutines")
    public void inCoroutines() { leafReady = CoroutinesOps.LEAF_READY; }

    @Before("@area:wakers")
    public void inWakers() { leafReady = WakersOps.LEAF_READY; }

    public CoroutineProgram program(String text) {
        return CoroutineProgram.parse(text, () -> server().port());
    }

    /** The runner's delay server; started on first use, so scenarios without http leaves do without. */
    private DelayServer server() {
        if (server == null) {
            try {
                server = DelayServer.start(RunContext.settings().delayServerPort());
            } catch (IOException e) {
                throw new UncheckedIOException("the delay server did not start: " + e.getMessage(), e);
            }
        }
        return server;
    }

    /** The messages of the requests the delay server received, in arrival order (empty if it never ran). */
    List<String> requests() {
        return server == null ? List.of() : server.messages();
    }

    /**
     * Waits until the requests the delay server received satisfy {@code condition}, for at most
     * {@code timeout}; returns at once when they do. Without a delay server nothing arrives.
     */
    boolean awaitRequests(Predicate<List<String>> condition, Duration timeout) throws InterruptedException {
        return server == null ? condition.test(List.of()) : server.awaitMessages(condition, timeout);
    }

    /**
     * Watches the quiet window for requests that satisfy {@code condition}: whether they came. A window that
     * stays quiet is waited through on purpose ({@link DeliberateWaits}).
     */
    boolean watchQuietly(Predicate<List<String>> condition) throws InterruptedException {
        long start = System.nanoTime();
        boolean came = awaitRequests(condition, deadlines().quiet());
        if (!came && server != null) DeliberateWaits.ofThisScenario().waited(start, System.nanoTime());
        return came;
    }

    /**
     * The book's "schedule other tasks" between two polls: waits until the delay server finishes a
     * response after those already counted, for at most {@code pause}.
     */
    void pauseUntilAResponseOrFor(long responsesSeen, Duration pause) throws InterruptedException {
        if (server == null) throw new IllegalStateException("the scenario polls until Ready, but its program waits on no http leaf");
        server.awaitResponseAfter(responsesSeen, pause);
    }

    /** When the delay server began writing its first response, if it did before {@code nanos} ({@link System#nanoTime()}). */
    Optional<Long> firstResponseBegunBefore(long nanos) {
        if (server == null) return Optional.empty();
        return server.sent().stream().map(DelayServer.Sent::startNanos).filter(start -> start < nanos).min(Long::compare);
    }

    /** How many responses the delay server has finished so far. */
    long responses() {
        return server == null ? 0 : server.responses();
    }

    public void makeLeafReady(String name, String value) {
        ExpectedReplies.succeed(leafReady, new LeafReadyArgs(name, value));
    }

    static Deadlines deadlines() { return RunContext.settings().deadlines(); }

    /** After every scenario, whatever its area: a scenario that never used the delay server never started it. */
    @After
    public void stopTheDelayServer() {
        if (server != null) server.close();
    }
}
