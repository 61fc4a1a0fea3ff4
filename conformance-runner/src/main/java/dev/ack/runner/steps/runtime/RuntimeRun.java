package dev.ack.runner.steps.runtime;

import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.runtime.RuntimeOps.RunWaitArgs;
import dev.ack.protocol.runtime.RuntimeOps.RunWaitResult;
import dev.ack.runner.steps.coroutines.CoroutineTrace;
import dev.ack.runner.steps.coroutines.ExecutorRun;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.List;

/** One {@code rt.block_on}: its program, followed through {@code rt.run_wait}. */
final class RuntimeRun extends ExecutorRun<RunWaitResult> {
    final RuntimeProgram program;

    RuntimeRun(String executor, long handle, RuntimeProgram program, long startNanos) {
        super(executor, handle, startNanos, (run, timeoutMillis) -> RunContext.client().exchangeExpecting(
                RuntimeOps.RUN_WAIT, new RunWaitArgs(run, timeoutMillis), Duration.ofMillis(timeoutMillis)));
        this.program = program;
    }

    /** The texts the run logged, in order. */
    List<String> logs() { return CoroutineTrace.logs(trace()); }

    @Override
    public String describe() {
        return "block_on on " + executor + state(" returned", " has not returned") + "; its trace:\n" + CoroutineTrace.describe(trace());
    }
}
