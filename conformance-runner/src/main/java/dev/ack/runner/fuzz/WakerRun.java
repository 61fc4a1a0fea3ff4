package dev.ack.runner.fuzz;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.RunWaitArgs;
import dev.ack.protocol.wakers.WakersOps.RunWaitResult;
import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.adapter.ProtocolClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code wk.block_on} of a wakers case as the runner followed it ({@code wk.run_wait}): its whole trace
 * and how it ended, finished with a value, failed with an error's kind, or stuck.
 */
final class WakerRun {
    private final ProtocolClient client;
    private final long handle;
    private final Deadlines deadlines;
    private final List<CoroutineTraceEntry> trace = new ArrayList<>();
    private boolean finished;
    private String value;
    private ErrorKind failure;

    WakerRun(ProtocolClient client, long handle) {
        this.client = client;
        this.handle = handle;
        this.deadlines = client.session().deadlines();
    }

    /** One {@code wk.run_wait} of up to {@code timeout}. */
    void look(Duration timeout) {
        if (ended()) return;
        Outcome<RunWaitResult> reply = client.exchangeExpecting(WakersOps.RUN_WAIT, new RunWaitArgs(handle, timeout.toMillis()), timeout);
        if (!reply.ok()) {
            failure = reply.error().kind();
            return;
        }
        if (reply.result().trace() != null) trace.addAll(reply.result().trace());
        finished = reply.result().finished();
        if (finished) value = reply.result().value() == null ? "" : reply.result().value();
    }

    /**
     * Looks until the executor has first gone to sleep, or the run ended: by then the root's first poll has
     * returned, and every waker it kept before its first wait is kept. Gives up after the deadline of a
     * signal (an executor that never sleeps: the runner's wakes then show what it does).
     */
    void untilFirstSleep() {
        long giveUp = System.nanoTime() + deadlines.signal().toNanos();
        while (!ended() && trace.stream().noneMatch(CoroutineTraceEntry.Sleep.class::isInstance) && System.nanoTime() < giveUp) {
            look(deadlines.pollInterval());
        }
    }

    /** Lets the executor get on for a moment: wakes then come both while it sleeps and while it works. */
    void settle() {
        look(deadlines.settle());
    }

    /**
     * Looks until the run ends, or until it is stuck: its executor went to sleep with tasks unfinished
     * after every leaf was made ready, and did nothing more for two quiet windows. Only a lost wake leaves
     * it there; a yield_until_sleep's wake comes as the executor reports its sleep (protocol.md §7).
     */
    void untilTheEnd() {
        long giveUp = System.nanoTime() + deadlines.signal().toNanos();
        long quiet = deadlines.quiet().multipliedBy(2).toNanos();
        int seen = -1;
        long since = System.nanoTime();
        while (!ended() && System.nanoTime() < giveUp) {
            look(deadlines.pollInterval());
            if (trace.size() != seen) {
                seen = trace.size();
                since = System.nanoTime();
            } else if (!trace.isEmpty() && trace.getLast() instanceof CoroutineTraceEntry.Sleep && System.nanoTime() - since > quiet) {
                return;
            }
        }
    }

    boolean ended() { return finished || failure != null; }

    boolean finished() { return finished; }

    /** block_on's value once finished ("" for none), else null. */
    String value() { return value; }

    /** The error kind the run failed with, or null. */
    ErrorKind failure() { return failure; }

    List<CoroutineTraceEntry> trace() { return List.copyOf(trace); }
}
