package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps.Concurrently;
import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.runner.steps.Subject;
import dev.ack.runner.steps.TimingCheck;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ack.runner.steps.eventqueue.EventQueueWorld.THE_POLL_INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Polling, with or without a timeout and with another thread acting meanwhile, and what a poll returned. */
public class PollSteps {
    private final EventQueueWorld world;

    public PollSteps(EventQueueWorld world) {
        this.world = world;
    }

    @When("I poll with a timeout of {int} ms")
    public void iPollWithATimeout(int millis) {
        world.poll(world.pollInstance(THE_POLL_INSTANCE), (long) millis, null);
    }

    @When("I poll {string} with a timeout of {int} ms")
    public void iPollNamedWithATimeout(String poll, int millis) {
        world.poll(world.pollInstance(poll), (long) millis, null);
    }

    @When("I poll with no timeout")
    public void iPollWithNoTimeout() {
        world.poll(world.pollInstance(THE_POLL_INSTANCE), null, null);
    }

    @When("I poll with no timeout while another thread wakes the waker after {int} ms")
    public void iPollWhileAnotherThreadWakes(int afterMillis) {
        Subject.mustReturn("the wake after " + afterMillis + " ms to end the poll",
                () -> world.poll(world.pollInstance(THE_POLL_INSTANCE), null, Concurrently.wake(afterMillis, world.waker())));
    }

    @When("I poll with a timeout of {int} ms while another thread registers source {string} with token {long} for {interests} after {int} ms")
    public void iPollWhileAnotherThreadRegisters(int millis, String source, long token, Interests interests, int afterMillis) {
        EventQueueWorld.Source registered = world.source(source);
        world.registered(registered, token);
        world.poll(world.pollInstance(THE_POLL_INSTANCE), (long) millis,
                Concurrently.register(afterMillis, registered.handle(), token, interests.toWire()));
    }

    @Then("the poll returns no events")
    public void thePollReturnsNoEvents() {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.events()).withFailMessage("expected no events, the poll returned %s", poll.describe()).isEmpty();
    }

    @Then("the poll returns exactly {int} event(s)")
    public void thePollReturnsExactly(int count) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.events())
                .withFailMessage("expected exactly %d %s, the poll returned %s", count, count == 1 ? "event" : "events", poll.describe())
                .hasSize(count);
    }

    @Then("the poll reports token {long}")
    public void thePollReportsToken(long token) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.hasToken(token))
                .withFailMessage("expected an event with token %d, the poll returned %s", token, poll.describe())
                .isTrue();
    }

    @Then("the poll reports token {long} {readiness}")
    public void thePollReportsTokenAs(long token, Interests readiness) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.readinessOf(token).covers(readiness))
                .withFailMessage("expected token %d to be reported %s, the poll returned %s", token, readiness, poll.describe())
                .isTrue();
    }

    @Then("the poll does not report token {long} {readiness}")
    public void thePollDoesNotReportTokenAs(long token, Interests readiness) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.readinessOf(token).overlaps(readiness))
                .withFailMessage("expected no %s event for token %d, the poll returned %s", readiness, token, poll.describe())
                .isFalse();
    }

    @Then("the poll reports token {long} with {eventFlag}")
    public void thePollReportsTokenWith(long token, EventFlag flag) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.events())
                .withFailMessage("expected an event for token %d with %s set, the poll returned %s", token, flag.wireName(), poll.describe())
                .anyMatch(e -> e.token() == token && flag.isSetIn(e));
    }

    /** A full poll: which of the ready sources it reports is free, how many events is not (EQ-20). */
    @Then("the poll returns {int} events of tokens {tokens}")
    public void thePollReturnsEventsOf(int count, List<Long> tokens) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.events().stream().map(Event::token).toList())
                .withFailMessage("expected %d events, each with one of tokens %s, the poll returned %s", count, tokens, poll.describe())
                .hasSize(count)
                .isSubsetOf(tokens);
    }

    @Then("the poll reports only token {long}")
    public void thePollReportsOnlyToken(long token) {
        PollOutcome poll = world.lastPoll();
        assertThat(poll.events())
                .withFailMessage("expected events for token %d and no other token, the poll returned %s", token, poll.describe())
                .isNotEmpty()
                .allMatch(e -> e.token() == token);
    }

    @Then("the poll lasted at least {int}% of {int} ms")
    public void thePollLastedAtLeast(int percent, int millis) {
        PollOutcome poll = world.lastPoll();
        long least = millis * percent / 100L;
        assertThat(poll.elapsed().toMillis())
                .withFailMessage("expected the poll to last at least %d ms (%d%% of %d ms), it returned %s",
                        least, percent, millis, poll.describe())
                .isGreaterThanOrEqualTo(least);
    }

    /**
     * An upper bound for a poll that ran out its timeout of {@code millis}: twice the timeout, plus three
     * times what the first poll of the scenario (a poll of 0 ms, the control) took, the round trip of a
     * request on this machine now.
     */
    @Then("the poll lasted less than twice {int} ms plus three times the first poll")
    public void thePollLastedLessThanTwiceItsTimeoutPlusThreeControls(int millis) {
        PollOutcome control = world.pollOutcomes().getFirst();
        PollOutcome poll = world.lastPoll();
        if (poll == control) throw new IllegalStateException("the scenario needs a control poll before the timed one");
        Duration bound = Duration.ofMillis(2L * millis).plus(control.elapsed().multipliedBy(3));
        TimingCheck.below(poll.elapsed(), bound, () -> String.format(
                "expected a poll with a timeout of %d ms to return within %d ms (twice the timeout plus three times the "
                        + "control poll, which returned %s), it returned %s", millis, bound.toMillis(), control.describe(), poll.describe()));
    }

    @Then("the poll returned in less than half of {int} ms")
    public void thePollReturnedInLessThanHalfOf(int millis) {
        PollOutcome poll = world.lastPoll();
        TimingCheck.below(poll.elapsed(), Duration.ofMillis(millis / 2), () -> String.format(
                "expected the poll to return in less than %d ms (half of %d ms), it returned %s", millis / 2, millis, poll.describe()));
    }

    @Then("the first poll took less than a third of the time of the second")
    public void theFirstPollTookLessThanAThirdOfTheSecond() {
        List<PollOutcome> polls = twoOrMorePolls();
        PollOutcome first = polls.get(0);
        PollOutcome second = polls.get(1);
        TimingCheck.below(first.elapsed().multipliedBy(3), second.elapsed(), () -> String.format(
                "expected the first poll to take less than a third of the second: the first returned %s, the second %s",
                first.describe(), second.describe()));
    }

    @Then("between them, the last two polls reported each of tokens {tokens} exactly once")
    public void theLastTwoPollsReportedEachTokenOnce(List<Long> tokens) {
        List<PollOutcome> polls = twoOrMorePolls();
        PollOutcome previous = polls.get(polls.size() - 2);
        PollOutcome last = polls.getLast();
        List<Long> reported = new ArrayList<>();
        previous.events().forEach(e -> reported.add(e.token()));
        last.events().forEach(e -> reported.add(e.token()));
        assertThat(reported)
                .withFailMessage("expected tokens %s once each over the last two polls: the first returned %s, the second %s",
                        tokens, previous.describe(), last.describe())
                .containsExactlyInAnyOrderElementsOf(tokens);
    }

    private List<PollOutcome> twoOrMorePolls() {
        List<PollOutcome> polls = world.pollOutcomes();
        if (polls.size() < 2) throw new IllegalStateException("the scenario compares two polls but made " + polls.size());
        return polls;
    }
}
