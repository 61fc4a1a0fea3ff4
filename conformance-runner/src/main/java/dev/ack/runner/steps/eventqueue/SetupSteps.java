package dev.ack.runner.steps.eventqueue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

import static dev.ack.runner.steps.eventqueue.EventQueueWorld.THE_POLL_INSTANCE;
import static dev.ack.runner.steps.eventqueue.EventQueueWorld.args;

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
        world.useEvents(world.call("eq.events_new", args().put("capacity", capacity)).path("events").asLong());
    }

    @When("I try to create an events collection of capacity {int}")
    public void iTryToCreateAnEventsCollection(int capacity) {
        world.attempt("eq.events_new", args().put("capacity", capacity));
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
        world.register("eq.register", world.connectSource(name), token, interests, mode);
    }

    @Given("a waker with token {long}")
    public void aWaker(long token) {
        world.useWaker(world.newWaker(world.pollInstance(THE_POLL_INSTANCE), token));
    }

    @When("I wake the waker")
    public void iWakeTheWaker() {
        world.call("eq.wake", args().put("waker", world.waker()));
    }
}
