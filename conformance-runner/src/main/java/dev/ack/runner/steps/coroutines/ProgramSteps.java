package dev.ack.runner.steps.coroutines;

import dev.ack.runner.suite.RunContext;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What both areas say about their leaves: the runner makes manual leaves ready, the delay server sees http leaves. */
public class ProgramSteps {
    /** A request the adapter sent is normally logged by the delay server within milliseconds; this covers slow machines. */
    private static final Duration ARRIVAL = Duration.ofSeconds(2);
    /** How long "no request (yet)" is watched for, so that a request still on its way is not missed. */
    private static final Duration QUIET = Duration.ofMillis(100);

    private final ProgramWorld world;

    public ProgramSteps(ProgramWorld world) {
        this.world = world;
    }

    @When("leaf {word} becomes ready with {string}")
    public void leafBecomesReady(String name, String value) {
        world.makeLeafReady(name, value);
    }

    @Then("the delay server has received no request")
    public void theDelayServerHasReceivedNoRequest() throws InterruptedException {
        Thread.sleep(RunContext.settings().deadlines().scaled(QUIET));
        assertThat(world.requests())
                .withFailMessage("expected no request at the delay server yet, it received %s", world.requests())
                .isEmpty();
    }

    @Then("the delay server has received exactly the request(s) for {wordList}")
    public void theDelayServerHasReceivedExactly(List<String> messages) throws InterruptedException {
        long giveUp = System.nanoTime() + RunContext.settings().deadlines().scaled(ARRIVAL).toNanos();
        while (world.requests().size() < messages.size() && System.nanoTime() < giveUp) Thread.sleep(10);
        Thread.sleep(RunContext.settings().deadlines().scaled(QUIET));
        assertThat(world.requests())
                .withFailMessage("expected the delay server to have received exactly one request for each of %s, "
                        + "it received %s", messages, world.requests())
                .containsExactlyInAnyOrderElementsOf(messages);
    }
}
