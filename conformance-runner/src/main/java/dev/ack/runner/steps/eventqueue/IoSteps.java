package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadResult;
import dev.ack.runner.peers.TcpPeer;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the peers do at the far end of a source, and what the adapter reads from it. */
public class IoSteps {
    private final EventQueueWorld world;
    private ReadResult lastRead;

    public IoSteps(EventQueueWorld world) {
        this.world = world;
    }

    private TcpPeer peer(String name) {
        return world.source(name).peer();
    }

    @When("peer {string} sends {string}")
    public void peerSends(String name, String text) {
        try {
            peer(name).send(text);
        } catch (IOException e) {
            throw new UncheckedIOException("peer " + name + " could not send: " + e.getMessage(), e);
        }
        world.settle();
    }

    @When("peer {string} sends {string} after {int} ms")
    public void peerSendsAfter(String name, String text, int millis) {
        peer(name).sendAfter(Duration.ofMillis(millis), text);
    }

    @When("peer {string} closes the connection")
    public void peerCloses(String name) {
        peer(name).close();
        world.settle();
    }

    @When("peer {string} resets the connection")
    public void peerResets(String name) throws IOException {
        peer(name).reset();
        world.settle();
    }

    private ReadArgs readArgs(String source) {
        return EventQueueWorld.readArgs(world.source(source).handle());
    }

    @When("I read from source {string}")
    public void iRead(String source) {
        lastRead = ExpectedReplies.succeed(EventQueueOps.READ, readArgs(source));
    }

    @When("I read at most {int} bytes from source {string}")
    public void iReadAtMost(int max, String source) {
        lastRead = ExpectedReplies.succeed(EventQueueOps.READ, new ReadArgs(world.source(source).handle(), max));
    }

    @When("I try to read from source {string}")
    public void iTryToRead(String source) {
        world.attempt(EventQueueOps.READ, readArgs(source));
    }

    @Then("the read returns {string}")
    public void theReadReturns(String expected) {
        assertThat(lastRead.data())
                .withFailMessage("expected the read to return \"%s\", it returned %s", expected, lastRead)
                .isEqualTo(expected);
    }

    @Then("the read reports end of stream")
    public void theReadReportsEndOfStream() {
        assertThat(lastRead.eof() && lastRead.data().isEmpty())
                .withFailMessage("expected the read to report end of stream (eof true, data empty), it returned %s", lastRead)
                .isTrue();
    }

    @When("I read source {string} until it would block")
    public void iReadUntilItWouldBlock(String source) {
        drain(world.source(source));
    }

    @When("I read every source the poll reported until it would block")
    public void iReadEveryReportedSource() {
        world.lastPoll().events().stream().map(Event::token).distinct().map(world::sourceFor).forEach(this::drain);
    }

    private void drain(EventQueueWorld.Source source) {
        world.drain(source.name(), source.handle(), data -> { });
    }
}
