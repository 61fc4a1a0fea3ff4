package dev.ack.runner.steps.fibers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Codec;
import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.protocol.fibers.FiberTraceEntry;
import dev.ack.protocol.fibers.FibersOps;
import dev.ack.protocol.fibers.FibersOps.CallOutsideRuntimeArgs;
import dev.ack.protocol.fibers.FibersOps.RunArgs;
import dev.ack.protocol.fibers.FibersOps.RunResult;
import dev.ack.protocol.fibers.FibersOps.RuntimeNewArgs;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.OffSchemaArgs;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The state of one fibers scenario, shared by its step classes: the runtime the adapter created, the
 * trace of the last run, and the last request that was expected to fail.
 */
public class FibersWorld {
    private Long runtime;
    private List<FiberTraceLine> trace;
    private Attempt attempt;

    /** {@code fb.runtime_new}; a null argument is left out, so the implementation's default applies. */
    void createRuntime(Integer slots, Integer stackKib) {
        RuntimeNewArgs args = new RuntimeNewArgs(slots, stackKib == null ? null : stackKib * 1024L);
        runtime = ExpectedReplies.succeed(FibersOps.RUNTIME_NEW, args).runtime();
    }

    /**
     * {@code fb.run} of {@code program} on the runtime; {@code expected} is how long the run may take
     * (for its deadline), null for the ordinary deadline of a request.
     */
    void run(List<FiberInstruction> program, Duration expected) {
        if (runtime == null) throw new IllegalStateException("the scenario runs a program before creating a fiber runtime");
        RunArgs args = new RunArgs(runtime, program);
        ProtocolClient client = RunContext.client();
        if (client.session().handshake().claimsCapability(Capability.RUN_ENDS_PROCESS)) {
            Optional<Outcome<RunResult>> reply = client.exchangeOrExit(FibersOps.RUN, args, expected);
            if (reply.isPresent()) record(reply.get());
            else trace = streamedTrace(client.session());
            return;
        }
        record(expected == null ? client.exchange(FibersOps.RUN, args) : client.exchangeExpecting(FibersOps.RUN, args, expected));
    }

    /** The trace of a run that ended the process: its entries, as the {@code trace} events that came (§6.1). */
    private static List<FiberTraceLine> streamedTrace(AdapterSession session) {
        return session.events().stream().filter(event -> Area.FIBERS.wireName().equals(event.area())).map(event -> {
            try {
                return FiberTraceLine.of(Codec.fromJson(event.data(), FiberTraceEntry.class));
            } catch (IllegalArgumentException e) {
                throw new AssertionError("a trace event of the run is not a fibers trace entry: " + event.data() + " (" + e.getMessage() + ")");
            }
        }).toList();
    }

    private void record(Outcome<RunResult> reply) {
        RunResult result = ExpectedReplies.succeeded("`fb.run`", reply, "a run replies with its trace, where a failing instruction is an error entry");
        if (result.trace() == null) throw new AssertionError("a run's result needs a \"trace\" array");
        trace = result.trace().stream().map(FiberTraceLine::of).toList();
    }

    List<FiberTraceLine> trace() {
        if (trace == null) throw new IllegalStateException("the scenario checks a trace before running a program");
        return trace;
    }

    /** {@code fb.call_outside_runtime}; the following "the call fails with …" step checks it. */
    void attemptOutsideRuntime(FibersOps.Call call) {
        attempt = Attempt.send(FibersOps.CALL_OUTSIDE_RUNTIME, new CallOutsideRuntimeArgs(call));
    }

    /** {@code fb.runtime_new} expected to fail; a null argument is left out. The following "the call fails with …" step checks it. */
    void attemptRuntime(Integer slots, Long stackBytes) {
        attempt = Attempt.send(FibersOps.RUNTIME_NEW, new RuntimeNewArgs(slots, stackBytes));
    }

    /** {@code fb.run} of a program written out as JSON, which may break the schema on purpose; the following "the call fails with …" step checks it. */
    void attemptRun(String programJson) {
        if (runtime == null) throw new IllegalStateException("the scenario runs a program before creating a fiber runtime");
        ObjectNode args = Codec.JSON.createObjectNode().put("runtime", runtime);
        args.set("program", OffSchemaArgs.parse(programJson));
        attempt = Attempt.sendOffSchema(FibersOps.RUN.name(), args);
    }

    Attempt lastAttempt() { return Attempt.last(attempt); }
}
