package dev.ack.runner.steps.wakers;

import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.ParkArgs;
import dev.ack.protocol.wakers.WakersOps.ParkerArgs;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.TimingCheck;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/** The parker the executor sleeps on: park, unpark, and how long each park lasted (measured by the runner). */
public class ParkerSteps {
    private final List<Duration> parks = new ArrayList<>();
    private long parker;

    @Given("a parker")
    public void aParker() {
        parker = ExpectedReplies.succeed(WakersOps.PARKER_NEW, Empty.VALUE).parker();
    }

    @When("I unpark the parker")
    public void iUnpark() {
        ExpectedReplies.succeed(WakersOps.UNPARK, new ParkerArgs(parker));
    }

    @When("I park on the parker")
    public void iPark() {
        park(RunContext.client().exchange(WakersOps.PARK, new ParkArgs(parker, null)));
    }

    @When("I park on the parker while another thread unparks it after {int} ms")
    public void iParkWhileAnotherThreadUnparks(int millis) {
        park(RunContext.client().exchangeExpecting(WakersOps.PARK, new ParkArgs(parker, (long) millis), Duration.ofMillis(millis)));
    }

    @Then("unparking a parker the adapter never issued fails with {errorKind}")
    public void unparkingAParkerNeverIssuedFails(ErrorKind expected) {
        Attempt.send(WakersOps.UNPARK, new ParkerArgs(Attempt.NEVER_ISSUED)).assertFailedWith(expected);
    }

    @Then("parking on a parker the adapter never issued fails with {errorKind}")
    public void parkingOnAParkerNeverIssuedFails(ErrorKind expected) {
        Attempt.send(WakersOps.PARK, new ParkArgs(Attempt.NEVER_ISSUED, null)).assertFailedWith(expected);
    }

    /** A delay below the schema's minimum of 0, sent past strict mode's check of outgoing requests. */
    @Then("parking on the parker with an unpark after {int} ms fails with {errorKind}")
    public void parkingWithANegativeDelayFails(int millis, ErrorKind expected) {
        ParkArgs args = new ParkArgs(parker, (long) millis);
        ExpectedReplies.failedWith(ExpectedReplies.describe(WakersOps.PARK, args),
                RunContext.client().exchangeOffSchema(WakersOps.PARK, args), expected);
    }

    private void park(Outcome<Empty> reply) {
        reply.orThrow();
        parks.add(reply.elapsed());
    }

    @Then("the park lasted at least {int}% of {int} ms")
    public void theParkLastedAtLeast(int percent, int millis) {
        Duration park = parks.getLast();
        assertThat(park.toMillis())
                .withFailMessage("expected the park to last until the unpark after %d ms (at least %d%% of it), it returned after %d ms",
                        millis, percent, park.toMillis())
                .isGreaterThanOrEqualTo(millis * percent / 100L);
    }

    @Then("the first park took less than a third of the time of the second")
    public void theFirstParkTookLessThanAThird() {
        TimingCheck.below(parks.get(0).multipliedBy(3), parks.get(1), () -> String.format(
                "expected the first park to return at once on the permit, in less than a third of the second, "
                        + "which waits for its unpark: the first took %d ms, the second %d ms",
                parks.get(0).toMillis(), parks.get(1).toMillis()));
    }
}
