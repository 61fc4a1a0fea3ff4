package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.ErrorKind;
import io.cucumber.java.en.Then;

/** The check that follows every "I try to …" step: the request failed, with exactly this kind. */
public class FailureSteps {
    private final EventQueueWorld world;

    public FailureSteps(EventQueueWorld world) {
        this.world = world;
    }

    @Then("it fails with {errorKind}")
    public void itFailsWith(ErrorKind expected) {
        world.lastAttempt().assertFailedWith(expected);
    }
}
