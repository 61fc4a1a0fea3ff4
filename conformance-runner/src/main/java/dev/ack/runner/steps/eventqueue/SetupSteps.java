package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.EventsNewArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WakeArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WakerNewArgs;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

import static dev.ack.runner.steps.eventqueue.EventQueueWorld.THE_POLL_INSTANCE;

/** Poll instances, events collections, sources with their peers, and wakers. */
public class SetupSteps {
    private final EventQueueWorld world;

    public SetupSteps(EventQueueWorld world) {
        this.world = world;
    }

    @Given("a poll instance")
    public void aPollInstance() {
        world.createPoll(THE_POLL_INSTANCE);
    }

    @Given("a second poll instance {string}")
    public void aSecondPollInstance(String name) {
        world.createPoll(name);
    }

    @Given("an events collection of capacity {int}")
    public void anEventsCollection(int capacity) {
        world.useEvents(ExpectedReplies.succeed(EventQueueOps.EVENTS_NEW, new EventsNewArgs(capacity)).events());
    }

    @When("I try to create an events collection of capacity {int}")
    public void iTryToCreateAnEventsCollection(int capacity) {
        world.attempt(EventQueueOps.EVENTS_NEW, new EventsNewArgs(capacity));
    }

    @Given("a source {string} connected to a peer")
    public void aSourceConnectedToAPeer(String name) {
        world.connectSource(name);
    }

    @Given("a source {string} registered with token {long} for {interests}")
    public void aRegisteredSource(String name, long token, Interests interests) {
        aRegisteredSource(name, token, interests, Mode.LEVEL_TRIGGERED);
    }

    @Given("a source {string} registered with token {long} for {interests}, {mode}")
    public void aRegisteredSource(String name, long token, Interests interests, Mode mode) {
        world.register(EventQueueOps.REGISTER, world.connectSource(name), token, interests, mode);
    }

    @Given("a waker with token {long}")
    public void aWaker(long token) {
        world.useWaker(world.newWaker(world.pollInstance(THE_POLL_INSTANCE), token));
    }

    @When("I try to create a waker with token {long}")
    public void iTryToCreateAWaker(long token) {
        world.attempt(EventQueueOps.WAKER_NEW, new WakerNewArgs(world.pollInstance(THE_POLL_INSTANCE), token));
    }

    @When("I wake the waker")
    public void iWakeTheWaker() {
        ExpectedReplies.succeed(EventQueueOps.WAKE, new WakeArgs(world.waker()));
    }
}
