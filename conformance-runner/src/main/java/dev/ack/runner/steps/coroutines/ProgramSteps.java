package dev.ack.runner.steps.coroutines;

import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What both areas say about their leaves: the runner makes manual leaves ready, the delay server sees http leaves. */
public class ProgramSteps {
    private final ProgramWorld world;

    public ProgramSteps(ProgramWorld world) {
        this.world = world;
    }

    @When("leaf {word} becomes ready with {string}")
    public void leafBecomesReady(String name, String value) {
        world.makeLeafReady(name, value);
    }

    /** Watched for a quiet while, so that a request still on its way is not missed. */
    @Then("the delay server has received no request")
    public void theDelayServerHasReceivedNoRequest() throws InterruptedException {
        Thread.sleep(deadlines().quiet());
        assertThat(world.requests())
                .withFailMessage("expected no request at the delay server yet, it received %s", world.requests())
                .isEmpty();
    }

    /** Waits for the requests to arrive, then a quiet while for any extra one. */
    @Then("the delay server has received exactly the request(s) for {wordList}")
    public void theDelayServerHasReceivedExactly(List<String> messages) throws InterruptedException {
        long giveUp = System.nanoTime() + deadlines().signal().toNanos();
        while (world.requests().size() < messages.size() && System.nanoTime() < giveUp) Thread.sleep(deadlines().pollInterval());
        Thread.sleep(deadlines().quiet());
        assertThat(world.requests())
                .withFailMessage("expected the delay server to have received exactly one request for each of %s, "
                        + "it received %s", messages, world.requests())
                .containsExactlyInAnyOrderElementsOf(messages);
    }

    private static Deadlines deadlines() { return RunContext.settings().deadlines(); }
}
