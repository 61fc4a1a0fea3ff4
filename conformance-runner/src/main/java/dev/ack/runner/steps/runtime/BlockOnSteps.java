package dev.ack.runner.steps.runtime;

import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.runtime.RuntimeOps.LeafReadyArgs;
import dev.ack.protocol.runtime.RuntimeOps.Wake;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Chapter 10: the runtime initialised, runs of block_on on executor threads, leaves made ready, and how the runs end. */
public class BlockOnSteps {
    private final RuntimeWorld world;

    public BlockOnSteps(RuntimeWorld world) {
        this.world = world;
    }

    @Given("the runtime is initialised")
    public void theRuntimeIsInitialised() {
        ExpectedReplies.succeed(RuntimeOps.INIT, Empty.VALUE);
    }

    @When("{blockOn} runs this program:")
    public void runsThisProgram(String executor, String program) {
        world.start(executor, program);
    }

    /** The book's ch08/d-multiple-threads, unchanged in chapter 10: the runs start one after the other, at once. */
    @When("block_on runs this program on executor threads exec-1 to exec-{int}:")
    public void runsOnThreads(int count, String program) {
        IntStream.rangeClosed(1, count).forEach(i -> world.start("exec-" + i, program));
    }

    @When("leaf {word} is made ready with {string}, woken {wake}")
    public void leafIsMadeReady(String leaf, String value, Wake wake) {
        ExpectedReplies.succeed(RuntimeOps.LEAF_READY, new LeafReadyArgs(leaf, value, wake));
    }

    @When("{blockOn} has polled task {int} {howOften}")
    public void hasPolledTask(String executor, int task, int times) {
        world.awaitTrace(world.run(executor), run -> run.count(CoroutineTraceEntry.TaskPolled.class, task) >= times,
                "block_on on " + executor + " to poll task " + task + " at least " + times + " time(s)");
    }

    @When("{blockOn} has gone to sleep with {int} pending task(s)")
    public void hasGoneToSleep(String executor, int pending) {
        world.awaitTrace(world.run(executor), run -> run.trace().stream()
                        .anyMatch(e -> e instanceof CoroutineTraceEntry.Sleep sleep && sleep.pending() == pending),
                "block_on on " + executor + " to go to sleep with " + pending + " pending tasks");
    }

    @When("task {int} of {blockOn} has finished")
    public void taskHasFinished(int task, String executor) {
        world.awaitTrace(world.run(executor), run -> run.count(CoroutineTraceEntry.TaskFinished.class, task) > 0,
                "task " + task + " of block_on on " + executor + " to finish");
    }

    @When("I give {blockOn} {int} ms")
    public void iGiveTheRun(String executor, int millis) {
        world.look(world.run(executor), millis);
    }

    /** Waits for the line: the wake that makes the task log it may take a while to arrive. */
    @Then("{blockOn} logs {string}")
    public void logs(String executor, String text) {
        world.awaitTrace(world.run(executor), run -> run.logs().contains(text),
                "block_on on " + executor + " to log \"" + text + "\"");
    }

    @Then("{blockOn} polled task {int} {howOften}")
    public void polledTask(String executor, int task, int times) {
        RuntimeRun run = world.run(executor);
        long polled = run.count(CoroutineTraceEntry.TaskPolled.class, task);
        assertThat(polled)
                .withFailMessage("expected block_on on %s to have polled task %d %d time(s) so far, it polled it %d times; %s",
                        executor, task, times, polled, run.describe())
                .isEqualTo(times);
    }

    @Then("{blockOn} has not returned")
    public void hasNotReturned(String executor) {
        RuntimeRun run = world.run(executor);
        if (run.lastReply() == null) throw new IllegalStateException("the scenario checks block_on on " + executor + " before waiting for it");
        assertThat(run.ended()).withFailMessage("expected block_on not to have returned yet, but %s", run.describe()).isFalse();
    }

    @Then("{blockOn} returns")
    public void returns(String executor) {
        assertReturns(world.run(executor));
    }

    @Then("every block_on returns")
    public void everyBlockOnReturns() {
        world.runs().forEach(this::assertReturns);
    }

    private void assertReturns(RuntimeRun run) {
        world.awaitEnd(run);
        assertThat(run.isFinished()).withFailMessage("expected block_on to return, but %s", run.describe()).isTrue();
    }

    @Then("{blockOn} fails with {errorKind}")
    public void failsWith(String executor, ErrorKind expected) {
        RuntimeRun run = world.run(executor);
        world.awaitEnd(run);
        ExpectedReplies.failedWith("block_on on " + executor, run.lastReply(), expected);
    }
}
