package dev.ack.runner.steps.wakers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.ProtocolError;
import dev.ack.runner.adapter.AdapterSession.Exchange;
import dev.ack.runner.steps.coroutines.Program;
import dev.ack.runner.steps.coroutines.Trace;

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
    final Program program;
    private final long startNanos;
    private final List<JsonNode> trace = new ArrayList<>();
    private Exchange lastReply;
    private boolean finished;
    private String value;
    private long endNanos;

    Run(String executor, long handle, Program program, long startNanos) {
        this.executor = executor;
        this.handle = handle;
        this.program = program;
        this.startNanos = startNanos;
    }

    /** Takes in the reply of a {@code wk.run_wait}: its trace, and whether the run finished. */
    void replied(Exchange reply) {
        lastReply = reply;
        if (!reply.ok()) return;
        reply.result().path("trace").forEach(trace::add);
        if (reply.result().path("finished").asBoolean()) {
            finished = true;
            value = reply.result().path("value").asText();
            endNanos = System.nanoTime();
        }
    }

    /** The reply of the last {@code wk.run_wait}, null before the first. */
    Exchange lastReply() { return lastReply; }

    boolean isFinished() { return finished; }

    String value() { return value; }

    /** The error the run ended with, or null. */
    ProtocolError failure() { return lastReply == null || lastReply.ok() ? null : lastReply.error(); }

    boolean ended() { return finished || failure() != null; }

    List<JsonNode> trace() { return trace; }

    long startNanos() { return startNanos; }

    /** From {@code wk.block_on} to the reply that reported it finished. */
    Duration took() {
        if (!finished) throw new IllegalStateException("the scenario checks how long the run on " + executor + " took before it finished");
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** The trace cut at each {@code sleep}: what the executor did in each wake-up. */
    List<List<JsonNode>> wakeUps() {
        List<List<JsonNode>> wakeUps = new ArrayList<>(List.of(new ArrayList<>()));
        for (JsonNode entry : trace) {
            if (Trace.is(entry, "sleep")) wakeUps.add(new ArrayList<>());
            else wakeUps.getLast().add(entry);
        }
        return wakeUps;
    }

    /** How many entries of kind {@code event} name {@code task}. */
    long count(String event, long task) {
        return trace.stream().filter(e -> Trace.is(e, event) && e.path("task").asLong(-1) == task).count();
    }

    String describe() {
        ProtocolError failure = failure();
        String state = finished ? " finished with \"" + value + "\""
                : failure != null ? " failed with " + failure.kind() + " (\"" + failure.getMessage() + "\")"
                : " has not finished";
        return "the run on " + executor + state + "; its trace:\n" + Trace.describe(trace);
    }
}
