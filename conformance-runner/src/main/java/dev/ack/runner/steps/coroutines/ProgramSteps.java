package dev.ack.runner.steps.coroutines;

import dev.ack.runner.suite.RunContext;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What both areas say about their leaves: the runner makes manual leaves ready, the delay server sees
 * http leaves. A request an http leaf sends is on its way before the adapter replies to the poll that
 * sent it (protocol.md §7); the steps wait for it to arrive, or, for one that must not come, watch for
 * it no longer than the quiet window, returning the moment one does.
 */
public class ProgramSteps {
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
        boolean arrived = world.watchQuietly(requests -> !requests.isEmpty());
        assertThat(arrived)
                .withFailMessage("expected no request at the delay server yet, it received %s", world.requests())
                .isFalse();
    }

    /**
     * CO-02: the request is sent within the poll, not after it. The runner stops the adapter's processes
     * as soon as the poll has returned; a request written before that is in the kernel and reaches the
     * delay server anyway, one the adapter would send later cannot.
     */
    @Then("the request for {word} was on its way when the poll returned")
    public void theRequestWasOnItsWay(String message) throws InterruptedException {
        boolean arrived = RunContext.session().whileStopped(
                () -> world.awaitRequests(requests -> requests.contains(message), ProgramWorld.deadlines().signal()));
        assertThat(arrived)
                .withFailMessage("expected the poll to send the request for %s before it returned: with the adapter stopped "
                        + "right after the poll, the delay server received %s", message, world.requests())
                .isTrue();
    }

    /** Waits for the requests to arrive, then watches the quiet window for an extra one. */
    @Then("the delay server has received exactly the request(s) for {wordList}")
    public void theDelayServerHasReceivedExactly(List<String> messages) throws InterruptedException {
        world.awaitRequests(requests -> requests.size() >= messages.size(), ProgramWorld.deadlines().signal());
        world.watchQuietly(requests -> requests.size() > messages.size());
        assertThat(world.requests())
                .withFailMessage("expected the delay server to have received exactly one request for each of %s, "
                        + "it received %s", messages, world.requests())
                .containsExactlyInAnyOrderElementsOf(messages);
    }
}
