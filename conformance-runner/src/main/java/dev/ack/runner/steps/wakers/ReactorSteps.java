package dev.ack.runner.steps.wakers;

import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import static org.assertj.core.api.Assertions.assertThat;

/** The reactor, and the OS handles its leaves leave behind (counted by the runner in /proc). */
public class ReactorSteps {
    private long counted;

    @Given("the reactor is running")
    public void theReactorIsRunning() {
        ExpectedReplies.succeed(WakersOps.REACTOR_START, Empty.VALUE);
    }

    @Then("starting another reactor fails with {errorKind}")
    public void startingAnotherReactorFails(ErrorKind expected) {
        ExpectedReplies.failedWith("a second `wk.reactor_start`", RunContext.client().exchange(WakersOps.REACTOR_START, Empty.VALUE), expected);
    }

    @When("the runner counts the adapter's open OS handles")
    public void theRunnerCountsTheOpenHandles() {
        counted = RunContext.session().openFileDescriptors();
    }

    @Then("the adapter has no more open OS handles than when they were counted")
    public void noMoreHandlesThanCounted() {
        long now = RunContext.session().openFileDescriptors();
        assertThat(now)
                .withFailMessage("expected the finished requests to leave no OS handle open: the adapter had %d open "
                        + "when they were counted, %d now (%d more)", counted, now, now - counted)
                .isLessThanOrEqualTo(counted);
    }
}
