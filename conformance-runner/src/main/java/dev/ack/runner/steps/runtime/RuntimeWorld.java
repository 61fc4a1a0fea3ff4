package dev.ack.runner.steps.runtime;

import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.runtime.RuntimeOps.BlockOnArgs;
import dev.ack.protocol.runtime.RuntimeOps.BlockOnResult;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.coroutines.ProgramWorld;
import dev.ack.runner.suite.RunContext;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state of one runtime scenario: the runs of {@code block_on} the adapter started, named by their
 * executor's thread. Also the one place that asks the adapter how a run is doing ({@code rt.run_wait})
 * and waits for it to get somewhere.
 */
public class RuntimeWorld {
    /** The executor that steps without a name refer to, and the protocol's default. */
    static final String MAIN = "main";

    private final ProgramWorld programs;
    private final Map<String, RuntimeRun> runs = new LinkedHashMap<>();

    public RuntimeWorld(ProgramWorld programs) {
        this.programs = programs;
    }

    RuntimeProgram program(String text) {
        return RuntimeProgram.parse(text, programs::program);
    }

    RuntimeRun start(String executor, String programText) {
        RuntimeProgram program = program(programText);
        BlockOnArgs args = new BlockOnArgs(program.instructions(), executor);
        Outcome<BlockOnResult> reply = RunContext.client().exchange(RuntimeOps.BLOCK_ON, args);
        long handle = ExpectedReplies.succeeded(ExpectedReplies.describe(RuntimeOps.BLOCK_ON, args), reply,
                "the scenario expected it to succeed").run();
        // the run starts when the request left the runner, however long the runner took to write it
        RuntimeRun run = new RuntimeRun(executor, handle, program, reply.sentNanos());
        runs.put(executor, run);
        return run;
    }

    RuntimeRun run(String executor) {
        RuntimeRun run = runs.get(executor);
        if (run == null) throw new IllegalStateException("the scenario uses block_on on " + executor + " before starting it");
        return run;
    }

    Collection<RuntimeRun> runs() { return runs.values(); }

    /** One {@code rt.run_wait} of up to {@code timeoutMillis}: records the trace it reports and how the run ended. */
    void look(RuntimeRun run, long timeoutMillis) {
        run.lookOnPurpose(timeoutMillis);
    }

    /** Waits for the run to end, finished or failed, for as long as the features allow a run. */
    void awaitEnd(RuntimeRun run) {
        run.awaitEnd();
    }

    /** Looks at the run until its trace shows what {@code reached} waits for (see {@link dev.ack.runner.steps.coroutines.ExecutorRun#awaitTrace}). */
    void awaitTrace(RuntimeRun run, Predicate<RuntimeRun> reached, String what) {
        run.awaitTrace(() -> reached.test(run), what);
    }
}
