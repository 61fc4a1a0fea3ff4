package dev.ack.runner.steps.wakers;

import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.BlockOnArgs;
import dev.ack.protocol.wakers.WakersOps.BlockOnResult;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import dev.ack.runner.steps.coroutines.ProgramWorld;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state of one wakers scenario: the runs the adapter started, named by their executor's thread,
 * and the last wait the runner made on one of them. Also the one place that asks the adapter how a
 * run is doing ({@code wk.run_wait}) and waits for it to get somewhere.
 */
public class WakersWorld {
    /** The executor that steps without a name refer to, and the protocol's default. */
    static final String MAIN = "main";

    /** A wait on a run: its wall time, and the CPU time the adapter's processes used meanwhile. */
    record Wait(Duration wall, Duration cpu) {}

    private final ProgramWorld programs;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private String lastProgram;
    private Wait lastWait;

    public WakersWorld(ProgramWorld programs) {
        this.programs = programs;
    }

    Run start(String executor, String programText) {
        CoroutineProgram program = programs.program(programText);
        BlockOnArgs args = new BlockOnArgs(program.instructions(), executor);
        Outcome<BlockOnResult> reply = RunContext.client().exchange(WakersOps.BLOCK_ON, args);
        long handle = ExpectedReplies.succeeded(ExpectedReplies.describe(WakersOps.BLOCK_ON, args), reply,
                "the scenario expected it to succeed").run();
        // the run starts when the request left the runner, however long the runner took to write it
        Run run = new Run(executor, handle, program, reply.sentNanos());
        runs.put(executor, run);
        lastProgram = programText;
        return run;
    }

    /** Sends {@code wk.block_on} with a program the scenario expects to be refused. */
    Attempt tryStart(String executor, String programText) {
        return Attempt.send(WakersOps.BLOCK_ON, new BlockOnArgs(programs.program(programText).instructions(), executor));
    }

    String lastProgram() {
        if (lastProgram == null) throw new IllegalStateException("the scenario repeats a program before running one");
        return lastProgram;
    }

    Run run(String executor) {
        Run run = runs.get(executor);
        if (run == null) throw new IllegalStateException("the scenario uses the run on " + executor + " before starting it");
        return run;
    }

    Collection<Run> runs() { return runs.values(); }

    /** One {@code wk.run_wait} of up to {@code timeoutMillis}: records the trace it reports and how the run ended. */
    void look(Run run, long timeoutMillis) {
        run.lookOnPurpose(timeoutMillis);
    }

    /** A look of {@code millis} that also measures the adapter's CPU time, to tell a sleeping executor from a spinning one. */
    void waitOn(Run run, long millis) {
        AdapterSession session = RunContext.session();
        Duration cpuBefore = session.cpuTime();
        long start = System.nanoTime();
        look(run, millis);
        lastWait = new Wait(Duration.ofNanos(System.nanoTime() - start), session.cpuTime().minus(cpuBefore));
    }

    Wait lastWait() {
        if (lastWait == null) throw new IllegalStateException("the scenario checks a wait before waiting on a run");
        return lastWait;
    }

    /** Waits for the run to end, finished or failed, for as long as the features allow a run. */
    void awaitEnd(Run run) {
        run.awaitEnd();
    }

    /** Looks at the run until its trace shows what {@code reached} waits for (see {@link dev.ack.runner.steps.coroutines.ExecutorRun#awaitTrace}). */
    void awaitTrace(Run run, Predicate<Run> reached, String what) {
        run.awaitTrace(() -> reached.test(run), what);
    }
}
