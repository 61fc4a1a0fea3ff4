package dev.ack.runner.steps.runtime;

import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.runtime.RuntimeOps.RunWaitResult;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.coroutines.CoroutineTrace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code rt.block_on}: its executor thread, its program, and what the runner has learnt about it:
 * the whole trace (the chunks of every {@code rt.run_wait}, joined), when the last chunk arrived, and
 * how the run ended.
 */
final class RuntimeRun {
    final String executor;
    final long handle;
    final RuntimeProgram program;
    private final long startNanos;
    private final List<CoroutineTraceEntry> trace = new ArrayList<>();
    private Outcome<RunWaitResult> lastReply;
    private boolean finished;

    RuntimeRun(String executor, long handle, RuntimeProgram program, long startNanos) {
        this.executor = executor;
        this.handle = handle;
        this.program = program;
        this.startNanos = startNanos;
    }

    /** Takes in the reply of an {@code rt.run_wait}: its trace, and whether the run finished. */
    void replied(Outcome<RunWaitResult> reply) {
        lastReply = reply;
        if (!reply.ok()) return;
        if (reply.result().trace() != null) trace.addAll(reply.result().trace());
        finished = reply.result().finished();
    }

    /** Whether the runner has waited on the run at least once. */
    boolean lookedAt() { return lastReply != null; }

    /** The reply of the last {@code rt.run_wait}. */
    Outcome<RunWaitResult> lastReply() { return lastReply; }

    boolean isFinished() { return finished; }

    /** The error the run ended with, or null. */
    ProtocolError failure() { return lastReply == null || lastReply.ok() ? null : lastReply.error(); }

    boolean ended() { return finished || failure() != null; }

    List<CoroutineTraceEntry> trace() { return trace; }

    /** From sending {@code rt.block_on} to reading the reply that brought the trace as it is now. */
    Duration sinceStart() {
        if (lastReply == null) throw new IllegalStateException("the scenario times the run on " + executor + " before waiting for it");
        return Duration.ofNanos(lastReply.receivedNanos() - startNanos);
    }

    /** The texts the run logged, in order. */
    List<String> logs() { return CoroutineTrace.logs(trace); }

    /** How many entries of type {@code kind} name {@code task}. */
    long count(Class<? extends CoroutineTraceEntry.OfTask> kind, long task) {
        return trace.stream().filter(e -> kind.isInstance(e) && ((CoroutineTraceEntry.OfTask) e).task() == task).count();
    }

    String describe() {
        ProtocolError failure = failure();
        String state = finished ? " returned"
                : failure != null ? " failed with " + failure.kind() + " (\"" + failure.getMessage() + "\")"
                : " has not returned";
        return "block_on on " + executor + state + "; its trace:\n" + CoroutineTrace.describe(trace);
    }
}
