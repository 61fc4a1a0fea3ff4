package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Op;
import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.Concurrently;
import dev.ack.protocol.eventqueue.EventQueueOps.ConnectArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.PollArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.PollResult;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadResult;
import dev.ack.protocol.eventqueue.EventQueueOps.RegisterArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WakerNewArgs;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.peers.DeliberateWaits;
import dev.ack.runner.peers.TcpPeer;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.After;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one event-queue scenario, shared by its step classes: the handles the adapter issued,
 * under the names the scenario uses ("the poll instance", "Q", source "A"), the runner's peers, the
 * polls made so far and the last request that was expected to fail. Also the one place that turns
 * protocol requests into results or into failures that say what the scenario expected.
 */
public class EventQueueWorld {
    /** The poll instance that steps without a name refer to. */
    static final String THE_POLL_INSTANCE = "the poll instance";
    /** What a poll without timeout is expected to take, for its deadline: the features wake it within a second. */
    private static final Duration NO_TIMEOUT_EXPECTATION = Duration.ofSeconds(1);
    private static final int READ_MAX = 4096;
    /** The peers in these features send a few hundred bytes at most; more reads than this means no progress. */
    private static final int DRAIN_LIMIT = 100;

    /** A source and the runner's peer at its other end. */
    record Source(String name, long handle, TcpPeer peer) {}

    private final Map<String, Long> polls = new LinkedHashMap<>();
    private final Map<String, TcpPeer> peers = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<Long, Source> byToken = new LinkedHashMap<>();
    private final List<PollOutcome> pollOutcomes = new ArrayList<>();
    private Long events;
    private Long waker;
    private Attempt attempt;

    AdapterSession session() { return RunContext.session(); }

    /** Sends a request that may fail; the following "it fails with …" step checks it. */
    <A> void attempt(Op<A, ?> op, A args) {
        attempt = Attempt.send(op, args);
    }

    /** Keeps a request sent otherwise (with args that break its schema); the following "it fails with …" step checks it. */
    void setAttempt(Attempt sent) { attempt = sent; }

    Attempt lastAttempt() { return Attempt.last(attempt); }

    long newPoll() {
        return ExpectedReplies.succeed(EventQueueOps.POLL_NEW, Empty.VALUE).poll();
    }

    void createPoll(String name) {
        polls.put(name, newPoll());
    }

    long pollInstance(String name) {
        Long handle = polls.get(name);
        if (handle == null) throw new IllegalStateException("the scenario uses poll instance " + name + " before creating it");
        return handle;
    }

    void useEvents(long handle) { events = handle; }

    long events() {
        if (events == null) throw new IllegalStateException("the scenario polls before creating an events collection");
        return events;
    }

    long newWaker(long poll, long token) {
        return ExpectedReplies.succeed(EventQueueOps.WAKER_NEW, new WakerNewArgs(poll, token)).waker();
    }

    void useWaker(long handle) { waker = handle; }

    long waker() {
        if (waker == null) throw new IllegalStateException("the scenario wakes a waker before creating one");
        return waker;
    }

    /** Starts a peer, has the adapter connect a source to it, and accepts that connection. */
    Source connectSource(String name) {
        try {
            TcpPeer peer = TcpPeer.listen();
            peers.put(name, peer);
            long handle = ExpectedReplies.succeed(EventQueueOps.CONNECT, new ConnectArgs(peer.host(), peer.port())).source();
            peer.accept(RunContext.settings().deadlines().reply());
            Source source = new Source(name, handle, peer);
            sources.put(name, source);
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("peer " + name + ": " + e.getMessage(), e);
        }
    }

    Source source(String name) {
        Source source = sources.get(name);
        if (source == null) throw new IllegalStateException("the scenario uses source \"" + name + "\" before connecting it");
        return source;
    }

    static RegisterArgs registration(long poll, long source, long token, Interests interests, Mode mode) {
        return new RegisterArgs(poll, source, token, interests.toWire(), mode.trigger(), mode.oneshot());
    }

    /** Registers ({@code eq.register}) or reregisters ({@code eq.reregister}) a source with the poll instance steps name by default. */
    void register(Op<RegisterArgs, Empty> op, Source source, long token, Interests interests, Mode mode) {
        ExpectedReplies.succeed(op, registration(pollInstance(THE_POLL_INSTANCE), source.handle(), token, interests, mode));
        registered(source, token);
    }

    /** Remembers which source a token stands for, so steps can act on "every source the poll reported". */
    void registered(Source source, long token) {
        byToken.values().remove(source);
        byToken.put(token, source);
    }

    Source sourceFor(long token) {
        Source source = byToken.get(token);
        if (source == null) {
            throw new AssertionError("the poll reported token " + token + ", which no source of this scenario is registered with");
        }
        return source;
    }

    /**
     * Reads {@code source} until WouldBlock or end of stream (which stays readable and never blocks),
     * handing each piece of data on; returns whether end of stream was reached.
     */
    boolean drain(String name, long source, Consumer<String> data) {
        for (int reads = 0; reads < DRAIN_LIMIT; reads++) {
            Outcome<ReadResult> read = RunContext.client().exchange(EventQueueOps.READ, readArgs(source));
            if (!read.ok()) {
                if (read.error().kind() == ErrorKind.WouldBlock) return false;
                throw new AssertionError("reading source " + name + " until it would block: a read failed with "
                        + read.error().kind() + " (\"" + read.error().getMessage() + "\")");
            }
            if (read.result().eof()) return true;
            data.accept(read.result().data());
        }
        throw new AssertionError("source " + name + " still returned data after " + DRAIN_LIMIT
                + " reads of up to " + READ_MAX + " bytes, far more than its peer sent");
    }

    static ReadArgs readArgs(long source) {
        return new ReadArgs(source, READ_MAX);
    }

    void settle() {
        try {
            long start = System.nanoTime();
            Thread.sleep(RunContext.settings().deadlines().settle());
            DeliberateWaits.ofThisScenario().waited(start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls {@code poll} into the events collection and records the outcome. {@code timeoutMillis}
     * null means no timeout; {@code concurrently} is the protocol's action for another thread, or null.
     */
    PollOutcome poll(long poll, Long timeoutMillis, Concurrently concurrently) {
        PollArgs args = new PollArgs(poll, events(), timeoutMillis, concurrently);
        Duration expected = timeoutMillis == null ? NO_TIMEOUT_EXPECTATION : Duration.ofMillis(timeoutMillis);
        Outcome<PollResult> reply = RunContext.client().exchangeExpecting(EventQueueOps.POLL, args, expected);
        PollResult result = ExpectedReplies.succeeded(ExpectedReplies.describe(EventQueueOps.POLL, args), reply,
                "a poll succeeds, with zero events when its timeout runs out");
        if (result.events() == null) throw new AssertionError("a poll's result needs an \"events\" array");
        PollOutcome outcome = new PollOutcome(List.copyOf(result.events()), reply.elapsed());
        pollOutcomes.add(outcome);
        // a timeout that ran out was waited through on purpose
        if (timeoutMillis != null && result.events().isEmpty()) DeliberateWaits.ofThisScenario().waited(reply.sentNanos(), reply.receivedNanos());
        return outcome;
    }

    List<PollOutcome> pollOutcomes() { return pollOutcomes; }

    PollOutcome lastPoll() {
        if (pollOutcomes.isEmpty()) throw new IllegalStateException("the scenario checks a poll before polling");
        return pollOutcomes.getLast();
    }

    /** Closes every peer; a delayed send that failed fails the scenario, since it explains a missing event. */
    @After("@area:event-queue")
    public void closePeers() {
        List<String> failures = new ArrayList<>();
        peers.forEach((name, peer) -> {
            peer.close();
            peer.delayedFailure().ifPresent(e -> failures.add("peer " + name + ": a delayed send failed: " + e.getMessage()));
        });
        if (!failures.isEmpty()) throw new AssertionError(String.join("\n", failures));
    }
}
