package dev.ack.runner.steps.pinning;

import dev.ack.protocol.pinning.PinningOps;
import dev.ack.protocol.pinning.PinningOps.Executor;
import dev.ack.protocol.pinning.PinningOps.RunArgs;
import dev.ack.protocol.pinning.PinningOps.RunResult;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The book's self-referential buffer coroutine (ch09/b, c, e) run by the adapter's executor, with and without the shortcut. */
public class ExecutorSteps {
    private final PinningWorld world;

    public ExecutorSteps(PinningWorld world) {
        this.world = world;
    }

    @Given("the area holds its blocks counted")
    public void countBlocks() {
        world.countBlocks();
    }

    @When("the buffer program runs with responses {string} and {string} under the {executor} executor")
    public void runs(String first, String second, Executor executor) {
        run(executor, first, second, null, null);
    }

    @When("the buffer program, marked movable, runs with responses {string} and {string} under the {executor} executor")
    public void runsMarkedMovable(String first, String second, Executor executor) {
        run(executor, first, second, Boolean.TRUE, null);
    }

    @When("the buffer program runs as a child with responses {string} and {string} under the {executor} executor")
    public void runsAsAChild(String first, String second, Executor executor) {
        run(executor, first, second, null, Boolean.TRUE);
    }

    private void run(Executor executor, String first, String second, Boolean movable, Boolean inChild) {
        world.ran(ExpectedReplies.succeed(PinningOps.RUN, new RunArgs(executor, List.of(first, second), movable, inChild)));
    }

    @Then("the buffer reads:")
    public void theBufferReads(String expected) {
        RunResult run = world.run();
        assertThat(run.value()).withFailMessage("expected the buffer to read%n%s%nit read%n%s%n(the run reported %s)",
                quoted(expected), quoted(run.value()), run).isEqualTo(expected);
    }

    @Then("the buffer coroutine was polled {int} times, always at the same address")
    public void theBufferCoroutineStayed(int times) {
        assertStayed("the buffer coroutine", world.run().polls(), times);
    }

    @Then("the root task was polled {int} times, always at the same address")
    public void theRootStayed(int times) {
        assertStayed("the root task", world.run().rootPolls(), times);
    }

    @Then("the buffer coroutine's first poll was at another address than its later polls")
    public void theBufferCoroutineMoved() {
        assertMovedAfterFirstPoll("the buffer coroutine", world.run().polls());
    }

    @Then("the root task's first poll was at another address than its later polls")
    public void theRootMoved() {
        assertMovedAfterFirstPoll("the root task", world.run().rootPolls());
    }

    @Then("the shortcut was applied")
    public void theShortcutWasApplied() {
        assertThat(world.run().shortcutApplied()).withFailMessage("expected the executor to poll the root before placing it "
                + "in its task list (it is movable); the run reported %s", world.run()).isTrue();
    }

    @Then("the shortcut was not applied")
    public void theShortcutWasNotApplied() {
        assertThat(world.run().shortcutApplied()).withFailMessage("expected the executor to place the root in its task list "
                + "before its first poll (it is not movable); the run reported %s", world.run()).isFalse();
    }

    @Then("the root task was put back into the task collection twice")
    public void theRootWasRequeuedTwice() {
        assertThat(world.run().requeued()).withFailMessage("expected the executor to put the root back into its task "
                + "collection after each of its two Pending polls; the run reported %s", world.run()).isEqualTo(2);
    }

    @Then("the area holds as many blocks as before")
    public void asManyBlocksAsBefore() {
        long before = world.blocksBefore();
        long now = world.blocks();
        assertThat(now).withFailMessage("the area held %d blocks before and holds %d after: the run did not release its state",
                before, now).isEqualTo(before);
    }

    private static void assertStayed(String who, List<Long> addresses, int times) {
        assertThat(addresses).withFailMessage("expected %s to be polled %d times, always at one address; its addresses at "
                + "each poll were %s", who, times, addresses).hasSize(times);
        assertThat(addresses.stream().distinct().count()).withFailMessage("expected %s to stay at one address; "
                + "its addresses at each poll were %s: it was moved between polls", who, addresses).isEqualTo(1L);
    }

    private static void assertMovedAfterFirstPoll(String who, List<Long> addresses) {
        assertThat(addresses.size()).withFailMessage("expected %s to be polled more than once, its addresses were %s",
                who, addresses).isGreaterThan(1);
        assertThat(addresses.subList(1, addresses.size())).withFailMessage("expected %s to be moved after its first poll "
                + "(at %d), then stay; its addresses at each poll were %s", who, addresses.getFirst(), addresses)
                .doesNotContain(addresses.getFirst()).containsOnly(addresses.get(1));
    }

    private static String quoted(String text) {
        return "  | " + text.replace("\n", "\n  | ");
    }
}
