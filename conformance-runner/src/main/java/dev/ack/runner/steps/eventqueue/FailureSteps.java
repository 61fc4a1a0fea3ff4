package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.ErrorKind;
import dev.ack.runner.adapter.AdapterSession.Exchange;
import io.cucumber.java.en.Then;

import static org.assertj.core.api.Assertions.assertThat;

/** The check that follows every "I try to …" step: the request failed, with exactly this kind. */
public class FailureSteps {
    private final EventQueueWorld world;

    public FailureSteps(EventQueueWorld world) {
        this.world = world;
    }

    @Then("it fails with {errorKind}")
    public void itFailsWith(ErrorKind expected) {
        Exchange attempt = world.lastAttempt();
        assertThat(attempt.ok())
                .withFailMessage("expected %s to fail with %s, it succeeded with %s", world.attempted(), expected, attempt.result())
                .isFalse();
        assertThat(attempt.error().kind())
                .withFailMessage("expected %s to fail with %s, it failed with %s (\"%s\")", world.attempted(), expected,
                        attempt.error().kind(), attempt.error().getMessage())
                .isEqualTo(expected);
    }
}
