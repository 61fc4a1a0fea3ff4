package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.coroutines.CoroutinesOps;
import dev.ack.protocol.coroutines.CoroutinesOps.PollArgs;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.TimingCheck;
import dev.ack.runner.steps.coroutines.CoroutineWorld.Poll;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;
import java.util.List;

import static dev.ack.runner.steps.Attempt.NEVER_ISSUED;
import static dev.ack.runner.steps.coroutines.CoroutineWorld.THE_COROUTINE;
import static org.assertj.core.api.Assertions.assertThat;

/** Chapter 7: the runner creates coroutines, polls them itself, and checks what each poll returned and did. */
public class CoroutineSteps {
    private final CoroutineWorld world;
    private final ProgramWorld programs;
    private Duration took;
    private Attempt creation;

    public CoroutineSteps(CoroutineWorld world, ProgramWorld programs) {
        this.world = world;
        this.programs = programs;
    }

    @Given("a coroutine with this program:")
    public void aCoroutine(String program) {
        world.create(THE_COROUTINE, program);
    }

    @Given("a coroutine {string} with this program:")
    public void aNamedCoroutine(String name, String program) {
        world.create(name, program);
    }

    @When("I try to create a coroutine with this program:")
    public void iTryToCreateACoroutine(String program) {
        creation = world.tryCreate(program);
    }

    @Then("creating the coroutine failed with {errorKind}")
    public void creatingTheCoroutineFailed(ErrorKind expected) {
        Attempt.last(creation).assertFailedWith(expected);
    }

    @Then("polling a coroutine handle the adapter never issued fails with {errorKind}")
    public void pollingAHandleNeverIssuedFails(ErrorKind expected) {
        PollArgs args = new PollArgs(NEVER_ISSUED);
        Attempt.send(CoroutinesOps.POLL, args).assertFailedWith(expected);
    }

    @Then("polling the coroutine fails with {errorKind}")
    public void pollingTheCoroutineFails(ErrorKind expected) {
        ExpectedReplies.failedWith("a poll of the coroutine", world.attemptPoll(THE_COROUTINE), expected);
    }

    @When("I poll the coroutine")
    public void iPollTheCoroutine() {
        world.poll(THE_COROUTINE);
    }

    @When("I poll coroutine {string}")
    public void iPollCoroutine(String name) {
        world.poll(name);
    }

    /**
     * The book's driver: poll, and while Pending "schedule other tasks" and poll again. The pause between
     * polls ends early when the delay server finishes a response, the fact the coroutine waits for.
     */
    @When("I poll the coroutine every {int} ms until it is Ready")
    public void iPollUntilReady(int pauseMillis) throws InterruptedException {
        Duration budget = ProgramWorld.deadlines().signal();
        long giveUp = System.nanoTime() + budget.toNanos();
        long responses = programs.responses();
        // from the writing of the first poll, which starts the first request, to the reading of the Ready reply
        Poll first = world.poll(THE_COROUTINE);
        Poll last = first;
        while (!last.ready()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the coroutine was still Pending after " + budget.toSeconds()
                        + " s of polling; its trace so far:\n" + CoroutineTrace.describe(world.traceOf(THE_COROUTINE)));
            }
            programs.pauseUntilAResponseOrFor(responses, Duration.ofMillis(pauseMillis));
            responses = programs.responses();
            last = world.poll(THE_COROUTINE);
        }
        took = Duration.ofNanos(last.receivedNanos() - first.sentNanos());
    }

    /**
     * A Ready is the implementation's fault only if no response of the delay server had begun before
     * the poll's reply was read; one that had begun by then came in while the poll ran late, which only
     * a stall at least that long explains.
     */
    @Then("the coroutine is Pending")
    public void theCoroutineIsPending() {
        Poll poll = world.lastPoll();
        Duration explainedBy = programs.firstResponseBegunBefore(poll.receivedNanos())
                .map(begun -> Duration.ofNanos(Math.max(1, begun - poll.sentNanos()))).orElse(Duration.ZERO);
        TimingCheck.holds(!poll.ready(), explainedBy, () -> "expected the poll to return Pending, it returned " + poll.describe());
    }

    @Then("the coroutine is Ready with {string}")
    public void theCoroutineIsReadyWith(String value) {
        Poll poll = world.lastPoll();
        assertThat(poll.ready() && poll.value().equals(value))
                .withFailMessage("expected the poll to return Ready with \"%s\", it returned %s", value, poll.describe())
                .isTrue();
    }

    @Then("the poll's trace is:")
    public void thePollsTraceIs(String expected) {
        assertTrace(expected, "in this order", false);
    }

    @Then("the poll's trace is, in any order:")
    public void thePollsTraceIsInAnyOrder(String expected) {
        assertTrace(expected, "in any order", true);
    }

    private void assertTrace(String expected, String order, boolean anyOrder) {
        Poll poll = world.lastPoll();
        List<String> want = expected.lines().toList();
        List<String> actual = CoroutineTrace.render(poll.trace());
        boolean same = anyOrder ? actual.stream().sorted().toList().equals(want.stream().sorted().toList()) : actual.equals(want);
        if (!same) {
            throw new AssertionError("expected the poll's trace to be, " + order + ":\n  " + String.join("\n  ", want)
                    + "\nit was:\n" + CoroutineTrace.describe(poll.trace()));
        }
    }

    @Then("the poll took less than half of the {int} ms delay")
    public void thePollTookLessThanHalfOfTheDelay(int delayMillis) {
        Poll poll = world.lastPoll();
        TimingCheck.below(poll.elapsed(), Duration.ofMillis(delayMillis / 2), () -> String.format(
                "expected the poll to return without waiting for the %d ms response, in less than %d ms; it returned %s",
                delayMillis, delayMillis / 2, poll.describe()));
    }

    @Then("polling the coroutine again fails with {errorKind}")
    public void pollingAgainFails(ErrorKind expected) {
        ExpectedReplies.failedWith("a poll of the coroutine after it returned Ready", world.attemptPoll(THE_COROUTINE), expected);
    }

    @Then("the coroutine logged, in order:")
    public void theCoroutineLogged(String expected) {
        CoroutineTrace.assertLogged("the coroutine", CoroutineTrace.oneByOne(world.traceOf(THE_COROUTINE)), expected);
    }

    /** Children that became ready between two polls are logged in the order join_all polls them, which is free. */
    @Then("the coroutine logged, in order except within one poll:")
    public void theCoroutineLoggedPollByPoll(String expected) {
        try {
            CoroutineTrace.assertLogged("the coroutine", world.tracesByPoll(THE_COROUTINE), expected);
        } catch (AssertionError wrongOrder) {
            // responses that became ready apart by more than a stall are logged in order
            TimingCheck.holds(false, TimingCheck.closest(world.program(THE_COROUTINE).httpDelays()), wrongOrder::getMessage);
        }
    }

    @Then("the coroutine took at least the sum of the delays")
    public void theCoroutineTookTheSum() {
        Timing.assertSequential("polling the coroutine to Ready", took(), world.program(THE_COROUTINE).httpDelays());
    }

    @Then("the coroutine took at least the longest delay but less than {int}% of the sum of the delays")
    public void theCoroutineTookTheLongest(int percent) {
        Timing.assertConcurrent("polling the coroutine to Ready", took(), world.program(THE_COROUTINE).httpDelays(), percent);
    }

    private Duration took() {
        if (took == null) throw new IllegalStateException("the scenario checks a duration before polling the coroutine until Ready");
        return took;
    }
}
