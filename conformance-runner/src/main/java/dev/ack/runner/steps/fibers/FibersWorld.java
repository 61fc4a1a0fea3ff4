package dev.ack.runner.steps.fibers;

import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.protocol.fibers.FibersOps;
import dev.ack.protocol.fibers.FibersOps.CallOutsideRuntimeArgs;
import dev.ack.protocol.fibers.FibersOps.RunArgs;
import dev.ack.protocol.fibers.FibersOps.RunResult;
import dev.ack.protocol.fibers.FibersOps.RuntimeNewArgs;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.List;

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
        Outcome<RunResult> reply = expected == null ? client.exchange(FibersOps.RUN, args) : client.exchangeExpecting(FibersOps.RUN, args, expected);
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

    Attempt lastAttempt() { return Attempt.last(attempt); }
}
