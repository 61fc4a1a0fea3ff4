package dev.ack.runner.steps.wakers;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.RunWaitArgs;
import dev.ack.protocol.wakers.WakersOps.RunWaitResult;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import dev.ack.runner.steps.coroutines.CoroutineTrace;
import dev.ack.runner.steps.coroutines.ExecutorRun;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One {@code wk.block_on}: its program, followed through {@code wk.run_wait}, and the value it returned. */
final class Run extends ExecutorRun<RunWaitResult> {
    final CoroutineProgram program;
    private String value;

    Run(String executor, long handle, CoroutineProgram program, long startNanos) {
        super(executor, handle, startNanos, (run, timeoutMillis) -> RunContext.client().exchangeExpecting(
                WakersOps.RUN_WAIT, new RunWaitArgs(run, timeoutMillis), Duration.ofMillis(timeoutMillis)));
        this.program = program;
    }

    @Override
    protected void finishedWith(RunWaitResult result) {
        value = result.value() == null ? "" : result.value();
    }

    String value() { return value; }

    /** The trace cut at each {@code sleep}: what the executor did in each wake-up. */
    List<List<CoroutineTraceEntry>> wakeUps() {
        List<List<CoroutineTraceEntry>> wakeUps = new ArrayList<>(List.of(new ArrayList<>()));
        for (CoroutineTraceEntry entry : trace()) {
            if (entry instanceof CoroutineTraceEntry.Sleep) wakeUps.add(new ArrayList<>());
            else wakeUps.getLast().add(entry);
        }
        return wakeUps;
    }

    @Override
    public String describe() {
        return "the run on " + executor + state(" finished with \"" + value + "\"", " has not finished")
                + "; its trace:\n" + CoroutineTrace.describe(trace());
    }
}
