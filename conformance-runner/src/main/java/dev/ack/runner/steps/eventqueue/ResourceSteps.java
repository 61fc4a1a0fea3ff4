package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.PollCloseArgs;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OS handles of the adapter's process tree, counted by the runner in /proc, around creating and closing poll instances. */
public class ResourceSteps {
    private final EventQueueWorld world;
    private final List<Long> created = new ArrayList<>();
    private long before;

    public ResourceSteps(EventQueueWorld world) {
        this.world = world;
    }

    /** Runtimes open files on first use (a native library, a class archive); that must not count as a leak. */
    @Given("a poll instance with a waker has been created and closed once, so one-time start-up costs are paid")
    public void warmUpWithWaker() {
        long poll = world.newPoll();
        world.newWaker(poll, 0);
        ExpectedReplies.succeed(EventQueueOps.POLL_CLOSE, new PollCloseArgs(poll));
    }

    @Given("a poll instance has been created and closed once, so one-time start-up costs are paid")
    public void warmUp() {
        ExpectedReplies.succeed(EventQueueOps.POLL_CLOSE, new PollCloseArgs(world.newPoll()));
    }

    @Given("I have counted the adapter's open OS handles")
    public void iHaveCountedTheOpenHandles() {
        before = world.session().openFileDescriptors();
    }

    @When("I create {int} poll instances, each with a waker")
    public void iCreatePollInstancesWithWakers(int count) {
        for (int i = 0; i < count; i++) {
            long poll = world.newPoll();
            world.newWaker(poll, i);
            created.add(poll);
        }
    }

    @When("I create {int} poll instances")
    public void iCreatePollInstances(int count) {
        for (int i = 0; i < count; i++) created.add(world.newPoll());
    }

    @When("I close those poll instances")
    public void iCloseThosePollInstances() {
        created.forEach(poll -> ExpectedReplies.succeed(EventQueueOps.POLL_CLOSE, new PollCloseArgs(poll)));
    }

    @Then("the adapter has at least {int} more open OS handles than before")
    public void theAdapterHasMoreHandles(int more) {
        long now = world.session().openFileDescriptors();
        assertThat(now - before)
                .withFailMessage("expected the %d poll instances to hold at least %d OS handles between them: "
                        + "the adapter had %d open before, %d now", created.size(), more, before, now)
                .isGreaterThanOrEqualTo(more);
    }

    @Then("the adapter has no more open OS handles than before")
    public void theAdapterHasNoMoreHandles() {
        long now = world.session().openFileDescriptors();
        assertThat(now)
                .withFailMessage("expected closing the %d poll instances to release all their OS handles: "
                        + "the adapter had %d open before, %d now (%d leaked)", created.size(), before, now, now - before)
                .isLessThanOrEqualTo(before);
    }
}
