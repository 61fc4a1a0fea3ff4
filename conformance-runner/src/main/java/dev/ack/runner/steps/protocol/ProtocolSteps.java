package dev.ack.runner.steps.protocol;

import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Op;
import dev.ack.protocol.SessionOps;
import dev.ack.protocol.coroutines.CoroutinesOps;
import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.pinning.PinningOps;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.verdict.NotRun;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The protocol's own checks, which need no area: a malformed line goes out raw (strict mode checks the
 * reply, not the line); a handle never issued and an op not claimed are sent to whichever area the
 * adapter claims, or leaves unclaimed. Each scenario then checks that the adapter still serves.
 */
public class ProtocolSteps {
    /** Far above any handle an adapter issues in one session. */
    private static final long NEVER_ISSUED = 999_999_999L;

    private Attempt attempt;

    @When("I send this line, whose id cannot be read:")
    public void sendUnreadable(String line) {
        sendRaw(line, null);
    }

    @When("I send this line with id {long}:")
    public void sendWithId(long id, String line) {
        sendRaw(line, id);
    }

    @When("I name a handle that was never issued")
    public void nameUnknownHandle() {
        Handshake claims = RunContext.session().handshake();
        List<Candidate> candidates = List.of(
                new Candidate(Area.EVENT_QUEUE, () -> Attempt.send(EventQueueOps.POLL_CLOSE, new EventQueueOps.PollCloseArgs(NEVER_ISSUED))),
                new Candidate(Area.COROUTINES, () -> Attempt.send(CoroutinesOps.POLL, new CoroutinesOps.PollArgs(NEVER_ISSUED))),
                new Candidate(Area.WAKERS, () -> Attempt.send(WakersOps.UNPARK, new WakersOps.ParkerArgs(NEVER_ISSUED))),
                new Candidate(Area.PINNING, () -> Attempt.send(PinningOps.READ, new PinningOps.ValueArgs(NEVER_ISSUED))));
        attempt = candidates.stream().filter(c -> claims.claimsArea(c.area().wireName())).findFirst()
                .orElseThrow(() -> NotRun.notClaimed("an area whose ops take handles")).send().get();
    }

    @When("I send an op of an area the adapter does not claim")
    public void sendUnclaimedArea() {
        Handshake claims = RunContext.session().handshake();
        Optional<Candidate> unclaimed = List.of(
                new Candidate(Area.EVENT_QUEUE, () -> Attempt.send(EventQueueOps.POLL_NEW, Empty.VALUE)),
                new Candidate(Area.WAKERS, () -> Attempt.send(WakersOps.PARKER_NEW, Empty.VALUE)))
                .stream().filter(c -> !claims.claimsArea(c.area().wireName())).findFirst();
        // an adapter that claims every area has no op it may refuse this way
        attempt = unclaimed.orElseThrow(() -> NotRun.notClaimed("an area left unclaimed (the adapter claims event-queue and wakers)"))
                .send().get();
    }

    /** A scenario that needs an area's objects runs only where the adapter claims that area. */
    @Given("the adapter claims area {word}")
    public void claimsArea(String wireName) {
        Area area = Area.byWireName(wireName).orElseThrow(() -> new IllegalArgumentException("no area is named " + wireName));
        if (!RunContext.session().handshake().claimsArea(area.wireName())) throw NotRun.notClaimed("area " + area.wireName());
    }

    @Then("the reply is an error of kind {errorKind}")
    public void replyIsError(ErrorKind expected) {
        Attempt.last(attempt).assertFailedWith(expected);
    }

    @Then("the adapter still answers reset")
    public void stillServes() {
        ExpectedReplies.succeed(SessionOps.RESET, Empty.VALUE);
    }

    /** Sends a line as it is; the reply must carry {@code id} (null: the id could not be read). */
    private void sendRaw(String line, Long id) {
        AdapterSession.Exchange reply = RunContext.session().exchangeRaw(line, id);
        attempt = new Attempt("the line " + line, new Outcome<>(reply.result(), reply.error(), reply.sentNanos(), reply.receivedNanos()));
    }

    /** A request of an area, sent only if the adapter claims (or leaves unclaimed) that area. */
    private record Candidate(Area area, Supplier<Attempt> send) {}
}
