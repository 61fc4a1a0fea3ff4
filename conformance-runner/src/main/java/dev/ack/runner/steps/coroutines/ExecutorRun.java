package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.RunProgress;
import dev.ack.runner.peers.DeliberateWaits;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.verdict.SubjectFailed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One program the implementation's executor runs on a thread of its own ({@code wk.block_on},
 * {@code rt.block_on}), and what the runner has learnt about it: the whole trace (the chunks of every
 * wait on it, joined) and how it ended. The areas that run programs so share how a run is followed;
 * each says how to wait on one (its {@code run_wait}).
 *
 * @param <R> the result of the area's wait
 */
public abstract class ExecutorRun<R extends RunProgress> {
    /** How long each look at a run lasts while the runner waits for it to get somewhere: short, since most waits are. */
    private static final long LOOK_MILLIS = 2;

    /** The area's wait on a run: up to {@code timeoutMillis} for run {@code handle}. */
    @FunctionalInterface
    public interface Wait<R> {
        /**
         * Sends the wait.
         *
         * @param handle        the run
         * @param timeoutMillis how long the adapter may wait
         * @return the adapter's reply
         */
        Outcome<R> on(long handle, long timeoutMillis);
    }

    /** The name of the executor's thread. */
    public final String executor;
    /** The handle the adapter gave the run. */
    public final long handle;
    private final Wait<R> wait;
    private final long startNanos;
    private final List<CoroutineTraceEntry> trace = new ArrayList<>();
    private Outcome<R> lastReply;
    private boolean finished;
    private long endNanos;

    /**
     * @param startNanos when the request that started the run left the runner ({@link System#nanoTime()}),
     *                   however long the runner took to write it
     */
    protected ExecutorRun(String executor, long handle, long startNanos, Wait<R> wait) {
        this.executor = executor;
        this.handle = handle;
        this.startNanos = startNanos;
        this.wait = wait;
    }

    /** One wait of up to {@code timeoutMillis}: records the trace it reports and how the run ended. */
    public void look(long timeoutMillis) {
        Outcome<R> reply = wait.on(handle, timeoutMillis);
        lastReply = reply;
        if (!reply.ok()) return;
        if (reply.result().trace() != null) trace.addAll(reply.result().trace());
        if (reply.result().finished() && !finished) {
            finished = true;
            endNanos = reply.receivedNanos();
            finishedWith(reply.result());
        }
    }

    /**
     * A look the scenario asks for ("I wait 100 ms for the run"): one that ends with the run still going
     * was waited through on purpose ({@link DeliberateWaits}).
     */
    public void lookOnPurpose(long timeoutMillis) {
        long start = System.nanoTime();
        look(timeoutMillis);
        if (!ended()) DeliberateWaits.ofThisScenario().waited(start, System.nanoTime());
    }

    /** What the area keeps of the reply that reported the run finished. */
    protected void finishedWith(R result) {}

    /** Waits for the run to end, finished or failed, for as long as the features allow a run. */
    public void awaitEnd() {
        if (!ended()) look(budget().toMillis());
    }

    /**
     * Looks at the run until {@code reached} holds; fails if the run ends or time runs out first. What
     * is waited for is what the area's rules require (the executor goes to sleep, a request is sent), so
     * never reaching it fails the rule, even in a When step.
     */
    public void awaitTrace(BooleanSupplier reached, String what) {
        long giveUp = System.nanoTime() + budget().toNanos();
        while (!reached.getAsBoolean()) {
            if (ended() || System.nanoTime() > giveUp) {
                throw new SubjectFailed("expected " + what + "; " + describe(), null);
            }
            look(LOOK_MILLIS);
        }
    }

    private static Duration budget() {
        return RunContext.settings().deadlines().signal();
    }

    /** The reply of the last wait, null before the first. */
    public Outcome<R> lastReply() { return lastReply; }

    /** Whether the run reported that it finished. */
    public boolean isFinished() { return finished; }

    /** The error the run ended with, or null. */
    public ProtocolError failure() { return lastReply == null || lastReply.ok() ? null : lastReply.error(); }

    /** Whether the run finished or failed. */
    public boolean ended() { return finished || failure() != null; }

    /** The run's trace so far. */
    public List<CoroutineTraceEntry> trace() { return trace; }

    /** How many entries of type {@code kind} name {@code task}. */
    public long count(Class<? extends CoroutineTraceEntry.OfTask> kind, long task) {
        return trace.stream().filter(e -> kind.isInstance(e) && ((CoroutineTraceEntry.OfTask) e).task() == task).count();
    }

    /** From the request that started the run to the reply that reported it finished. */
    public Duration took() {
        if (!finished) throw new IllegalStateException("the scenario checks how long the run on " + executor + " took before it finished");
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** From the request that started the run to the reply that brought the trace as it is now. */
    public Duration sinceStart() {
        if (lastReply == null) throw new IllegalStateException("the scenario times the run on " + executor + " before waiting for it");
        return Duration.ofNanos(lastReply.receivedNanos() - startNanos);
    }

    /** The run's state and trace, for a failure message. */
    public abstract String describe();

    /** " finished …", " failed with …" or the given words, for {@link #describe()}. */
    protected String state(String finishedAs, String notEnded) {
        ProtocolError failure = failure();
        return finished ? finishedAs
                : failure != null ? " failed with " + failure.kind() + " (\"" + failure.getMessage() + "\")"
                : notEnded;
    }
}
