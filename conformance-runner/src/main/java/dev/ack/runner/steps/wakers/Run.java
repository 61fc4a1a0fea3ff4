package dev.ack.runner.steps.wakers;

import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.wakers.WakersOps.RunWaitResult;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import dev.ack.runner.steps.coroutines.CoroutineTrace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code wk.block_on}: the executor it runs on, its program, and what the runner has learnt about
 * it so far: the whole trace (the chunks of every {@code wk.run_wait}, joined), and how it ended.
 */
final class Run {
    final String executor;
    final long handle;
    final CoroutineProgram program;
    private final long startNanos;
    private final List<CoroutineTraceEntry> trace = new ArrayList<>();
    private Outcome<RunWaitResult> lastReply;
    private boolean finished;
    private String value;
    private long endNanos;

    Run(String executor, long handle, CoroutineProgram program, long startNanos) {
        this.executor = executor;
        this.handle = handle;
        this.program = program;
        this.startNanos = startNanos;
    }

    /** Takes in the reply of a {@code wk.run_wait}: its trace, and whether the run finished. */
    void replied(Outcome<RunWaitResult> reply) {
        lastReply = reply;
        if (!reply.ok()) return;
        if (reply.result().trace() != null) trace.addAll(reply.result().trace());
        if (reply.result().finished()) {
            finished = true;
            value = reply.result().value() == null ? "" : reply.result().value();
            endNanos = reply.receivedNanos();
        }
    }

    /** The reply of the last {@code wk.run_wait}, null before the first. */
    Outcome<RunWaitResult> lastReply() { return lastReply; }

    boolean isFinished() { return finished; }

    String value() { return value; }

    /** The error the run ended with, or null. */
    ProtocolError failure() { return lastReply == null || lastReply.ok() ? null : lastReply.error(); }

    boolean ended() { return finished || failure() != null; }

    List<CoroutineTraceEntry> trace() { return trace; }

    /** From sending {@code wk.block_on} to reading the reply that reported the run finished. */
    Duration took() {
        if (!finished) throw new IllegalStateException("the scenario checks how long the run on " + executor + " took before it finished");
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** The trace cut at each {@code sleep}: what the executor did in each wake-up. */
    List<List<CoroutineTraceEntry>> wakeUps() {
        List<List<CoroutineTraceEntry>> wakeUps = new ArrayList<>(List.of(new ArrayList<>()));
        for (CoroutineTraceEntry entry : trace) {
            if (entry instanceof CoroutineTraceEntry.Sleep) wakeUps.add(new ArrayList<>());
            else wakeUps.getLast().add(entry);
        }
        return wakeUps;
    }

    /** How many entries of type {@code kind} name {@code task}. */
    long count(Class<? extends CoroutineTraceEntry.OfTask> kind, long task) {
        return trace.stream().filter(e -> kind.isInstance(e) && ((CoroutineTraceEntry.OfTask) e).task() == task).count();
    }

    String describe() {
        ProtocolError failure = failure();
        String state = finished ? " finished with \"" + value + "\""
                : failure != null ? " failed with " + failure.kind() + " (\"" + failure.getMessage() + "\")"
                : " has not finished";
        return "the run on " + executor + state + "; its trace:\n" + CoroutineTrace.describe(trace);
    }
}
