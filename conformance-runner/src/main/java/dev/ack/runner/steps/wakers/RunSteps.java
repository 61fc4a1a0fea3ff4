package dev.ack.runner.steps.wakers;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.WakeArgs;
import dev.ack.protocol.wakers.WakersOps.RunWaitArgs;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.steps.coroutines.ProgramWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.stream.IntStream;
import static org.assertj.core.api.Assertions.assertThat;

/** Chapter 8: runs of block_on on executor threads, what the runner does to them meanwhile, and how they end. */
public class RunSteps {
    /** The executor of the run that checks the adapter still works after a late wake. */
    private static final String AFTER_THE_WAKE = "after-the-wake";

    private final WakersWorld world;
    private final ProgramWorld programs;
    private int burst;
    private Attempt start;

    public RunSteps(WakersWorld world, ProgramWorld programs) {
        this.world = world;
        this.programs = programs;
    }

    @When("{theExecutor} runs this program:")
    public void runsThisProgram(String executor, String program) {
        world.start(executor, program);
    }

    /** The book's ch08/d-multiple-threads: the threads are named "main", "exec-1", "exec-2", … */
    @When("{theExecutor} tries to run this program:")
    public void triesToRunThisProgram(String executor, String program) {
        start = world.tryStart(executor, program);
    }

    @Then("starting the run failed with {errorKind}")
    public void startingTheRunFailed(ErrorKind expected) {
        Attempt.last(start).assertFailedWith(expected);
    }

    @Then("waiting for a run the adapter never issued fails with {errorKind}")
    public void waitingForARunNeverIssuedFails(ErrorKind expected) {
        Attempt.send(WakersOps.RUN_WAIT, new RunWaitArgs(Attempt.NEVER_ISSUED, 0)).assertFailedWith(expected);
    }

    @Then("waiting for {theRun} with a timeout of {int} ms fails with {errorKind}")
    public void waitingWithATimeoutFails(String executor, int millis, ErrorKind expected) {
        RunWaitArgs args = new RunWaitArgs(world.run(executor).handle, millis);
        ExpectedReplies.failedWith(ExpectedReplies.describe(WakersOps.RUN_WAIT, args),
                RunContext.client().exchangeOffSchema(WakersOps.RUN_WAIT, args), expected);
    }

    @When("{int} executors each run this program:")
    public void executorsEachRun(int count, String program) {
        world.start(WakersWorld.MAIN, program);
        IntStream.range(1, count).forEach(i -> world.start("exec-" + i, program));
    }

    @When("the executor runs the same program again")
    public void theExecutorRunsTheSameProgramAgain() {
        world.start(WakersWorld.MAIN, world.lastProgram());
    }

    @When("the executor runs a program that spawns {int} tasks, each waiting for its own leaf")
    public void spawnsTasksEachWaitingForALeaf(int tasks) {
        StringBuilder program = new StringBuilder();
        for (int i = 1; i <= tasks; i++) program.append("spawn child t").append(i).append(":\n  wait for leaf L").append(i).append('\n');
        burst = tasks;
        world.start(WakersWorld.MAIN, program.toString());
    }

    /**
     * The second wake of each pair arrives while the executor is busy with the first or about to sleep
     * again, the window WK-07 is about; a wake lost there leaves its task waiting, which the wait for the
     * pair reports. Task i waits for leaf Li: the root is task 0, and tasks are numbered in spawn order.
     */
    @When("the leaves of those tasks become ready two at a time, each pair once the one before was served")
    public void theLeavesBecomeReadyInPairs() {
        Run run = world.run(WakersWorld.MAIN);
        for (int first = 1; first <= burst; first += 2) {
            int second = Math.min(first + 1, burst);
            programs.makeLeafReady("L" + first, "v" + first);
            programs.makeLeafReady("L" + second, "v" + second);
            int pair = first;
            world.awaitTrace(run, r -> r.count(CoroutineTraceEntry.TaskFinished.class, pair) > 0
                            && r.count(CoroutineTraceEntry.TaskFinished.class, second) > 0,
                    "the tasks of leaves L" + first + " and L" + second + " to finish once both leaves were made ready");
        }
    }

    @When("{theExecutor} has polled task {int} {howOften}")
    public void hasPolledTask(String executor, int task, int times) {
        world.awaitTrace(world.run(executor), run -> run.count(CoroutineTraceEntry.TaskPolled.class, task) >= times,
                executor + " to poll task " + task + " at least " + times + " time(s)");
    }

    @When("{theExecutor} has gone to sleep with {int} pending task(s)")
    public void hasGoneToSleep(String executor, int pending) {
        world.awaitTrace(world.run(executor), run -> run.trace().stream()
                        .anyMatch(e -> e instanceof CoroutineTraceEntry.Sleep sleep && sleep.pending() == pending),
                executor + " to go to sleep with " + pending + " pending tasks");
    }

    @When("task {int} has finished")
    public void taskHasFinished(int task) {
        world.awaitTrace(world.run(WakersWorld.MAIN), run -> run.count(CoroutineTraceEntry.TaskFinished.class, task) > 0,
                "task " + task + " to finish");
    }

    @When("I wait {int} ms for {theRun}")
    public void iWaitForTheRun(int millis, String executor) {
        world.waitOn(world.run(executor), millis);
    }

    @When("I call waker {word}")
    public void iCallWaker(String name) {
        ExpectedReplies.succeed(WakersOps.WAKE, new WakeArgs(name));
    }

    @When("I call waker {word} {int} times")
    public void iCallWakerTimes(String name, int times) {
        for (int i = 0; i < times; i++) iCallWaker(name);
    }

    @Then("calling waker {word} fails with {errorKind}")
    public void callingWakerFails(String name, ErrorKind expected) {
        Attempt.send(WakersOps.WAKE, new WakeArgs(name)).assertFailedWith(expected);
    }

    /**
     * The wake must be answered, and leave the adapter working: a harm it does later (a crash, an
     * executor left broken) shows here, on this rule, and not on the scenario that happens to come next.
     * A new run sleeps through the quiet window, the time a late harm has to show, then is woken and ends.
     */
    @Then("calling waker {word} now does no harm")
    public void callingWakerDoesNoHarm(String name) {
        iCallWaker(name);
        // judged by what it logs, not its value: a block_on that returns nothing is the book's (WK-20)
        Run after = world.start(AFTER_THE_WAKE, "wait for leaf AfterTheWake\nlog \"still working\"");
        world.waitOn(after, RunContext.settings().deadlines().quiet().toMillis());
        programs.makeLeafReady("AfterTheWake", "");
        world.awaitEnd(after);
        boolean logged = after.trace().stream()
                .anyMatch(entry -> entry instanceof CoroutineTraceEntry.Log log && log.text().equals("still working"));
        assertThat(after.isFinished() && logged)
                .withFailMessage("expected the adapter to go on working after the late wake of waker %s: a new run that "
                        + "waits for a leaf and logs \"still working\" should finish having logged it, but %s", name, after.describe())
                .isTrue();
    }

    @Then("{theRun} has not finished")
    public void theRunHasNotFinished(String executor) {
        Run run = world.run(executor);
        if (run.lastReply() == null) throw new IllegalStateException("the scenario checks the run on " + executor + " before waiting for it");
        assertThat(run.ended())
                .withFailMessage("expected the run not to have finished yet, but %s", run.describe())
                .isFalse();
    }

    @Then("{theRun} finishes with {string}")
    public void theRunFinishesWith(String executor, String value) {
        assertFinishes(world.run(executor), value);
    }

    @Then("every run finishes with {string}")
    public void everyRunFinishesWith(String value) {
        world.runs().forEach(run -> assertFinishes(run, value));
    }

    private void assertFinishes(Run run, String value) {
        world.awaitEnd(run);
        assertThat(run.isFinished() && run.value().equals(value))
                .withFailMessage("expected the run to finish with \"%s\", but %s", value, run.describe())
                .isTrue();
    }

    @Then("{theRun} fails with {errorKind}")
    public void theRunFailsWith(String executor, ErrorKind expected) {
        Run run = world.run(executor);
        world.awaitEnd(run);
        ExpectedReplies.failedWith("the run on " + executor, run.lastReply(), expected);
    }
}
