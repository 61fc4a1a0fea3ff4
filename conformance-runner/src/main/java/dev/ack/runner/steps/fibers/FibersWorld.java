package dev.ack.runner.steps.fibers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.AdapterSession.Exchange;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ErrorReplies;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one fibers scenario, shared by its step classes: the runtime the adapter created, the
 * trace of the last run, and the last request that was expected to fail.
 */
public class FibersWorld {
    private Long runtime;
    private List<TraceEntry> trace;
    private Attempt attempt;

    private static AdapterSession session() { return RunContext.session(); }

    /** {@code fb.runtime_new}; a null argument is left out, so the implementation's default applies. */
    void createRuntime(Integer slots, Integer stackKib) {
        ObjectNode args = Codec.JSON.createObjectNode();
        if (slots != null) args.put("slots", slots);
        if (stackKib != null) args.put("stack_size", stackKib * 1024L);
        runtime = session().call("fb.runtime_new", args).path("runtime").asLong();
    }

    /**
     * {@code fb.run} of {@code program} on the runtime; {@code expected} is how long the run may take
     * (for its deadline), null for the ordinary deadline of a request.
     */
    void run(ArrayNode program, Duration expected) {
        if (runtime == null) throw new IllegalStateException("the scenario runs a program before creating a fiber runtime");
        ObjectNode args = Codec.JSON.createObjectNode().put("runtime", runtime);
        args.set("program", program);
        Exchange exchange = expected == null ? session().exchange("fb.run", args) : session().exchangeExpecting("fb.run", args, expected);
        JsonNode entries = ErrorReplies.assertSucceeded("`fb.run`", exchange,
                "a run replies with its trace, where a failing instruction is an error entry").path("trace");
        if (!entries.isArray()) throw new AssertionError("a run's result needs a \"trace\" array, the adapter sent " + exchange.result());
        List<TraceEntry> read = new ArrayList<>();
        entries.forEach(entry -> read.add(TraceEntry.from(entry)));
        trace = List.copyOf(read);
    }

    List<TraceEntry> trace() {
        if (trace == null) throw new IllegalStateException("the scenario checks a trace before running a program");
        return trace;
    }

    /** {@code fb.call_outside_runtime}; the following "the call fails with …" step checks it. */
    void attemptOutsideRuntime(String call) {
        attempt = Attempt.send("fb.call_outside_runtime", Codec.JSON.createObjectNode().put("call", call));
    }

    Attempt lastAttempt() { return Attempt.last(attempt); }
}
