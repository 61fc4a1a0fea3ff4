package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.ConnectArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.protocol.eventqueue.EventQueueOps.WriteArgs;
import dev.ack.runner.peers.DelayServer;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ack.runner.steps.eventqueue.EventQueueWorld.THE_POLL_INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chapter's demonstration (EQ-27): requests with different delays to the runner's delay server,
 * one source each, registered edge-triggered, completed by one thread that polls and reads, as
 * ch04/a-epoll's main loop does: it reads a reported source until it would block, counts a source's end
 * once and never deregisters (a-epoll has no deregister).
 */
public class DelayServerDemoSteps {
    /** Each poll of the loop waits at most this; an empty poll is allowed (a timeout or a spurious wake-up). */
    private static final long POLL_TIMEOUT_MS = 1000;

    private final EventQueueWorld world;
    private final Map<Long, Request> requests = new LinkedHashMap<>();
    private final List<Long> completed = new ArrayList<>();
    private DelayServer server;
    private long startNanos;
    private Duration took;

    /** One request in flight: its source, and the response read so far. */
    private record Request(long token, long delayMillis, String message, long source, StringBuilder response) {}

    public DelayServerDemoSteps(EventQueueWorld world) {
        this.world = world;
    }

    @Given("the runner's delay server is running")
    public void theDelayServerIsRunning() throws IOException {
        server = DelayServer.start();
    }

    @When("the adapter sends these requests to the delay server, each on its own source registered for readable, edge-triggered, under its token:")
    public void theAdapterSendsTheseRequests(DataTable table) {
        long poll = world.pollInstance(THE_POLL_INSTANCE);
        startNanos = System.nanoTime();
        for (Map<String, String> row : table.asMaps()) {
            Request request = new Request(Long.parseLong(row.get("token")), Long.parseLong(row.get("delay")),
                    row.get("message"), connect(), new StringBuilder());
            String http = "GET /" + request.delayMillis() + "/" + request.message() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
            long written = ExpectedReplies.succeed(EventQueueOps.WRITE, new WriteArgs(request.source(), http)).written();
            assertThat(written)
                    .withFailMessage("expected the %d bytes of the request for %s to be written at once to a fresh connection, %d were",
                            http.length(), request.message(), written)
                    .isEqualTo(http.length());
            ExpectedReplies.succeed(EventQueueOps.REGISTER, EventQueueWorld.registration(poll, request.source(), request.token(),
                    Interests.parse("readable"), Mode.EDGE_TRIGGERED));
            requests.put(request.token(), request);
        }
    }

    private long connect() {
        return ExpectedReplies.succeed(EventQueueOps.CONNECT, new ConnectArgs(server.host(), server.port())).source();
    }

    @When("I poll and read until every response has reached end of stream")
    public void iPollAndReadUntilEveryResponseHasEnded() {
        long poll = world.pollInstance(THE_POLL_INSTANCE);
        Duration budget = RunContext.settings().deadlines().signal();
        long budgetEnd = System.nanoTime() + budget.toNanos();
        while (completed.size() < requests.size()) {
            if (System.nanoTime() > budgetEnd) {
                throw new AssertionError("after " + budget.toSeconds() + " s of polling only tokens " + completed
                        + " reached end of stream, of " + requests.keySet() + "; the delay server logged " + server.log());
            }
            for (Event event : world.poll(poll, POLL_TIMEOUT_MS, null).events()) {
                Request request = requests.get(event.token());
                if (request == null) {
                    throw new AssertionError("the poll reported " + PollOutcome.describe(event) + ", but the requests were registered with tokens "
                            + requests.keySet());
                }
                // a second event for a finished response is not a second completion (the book's FIX #4)
                if (!completed.contains(request.token())
                        && world.drain(request.message(), request.source(), request.response()::append)) {
                    completed.add(request.token());
                }
            }
        }
        took = Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * The order the responses became ready is the order the server finished them: the delays' order
     * when the requests went out at about the same time, and still the right order when sending them
     * took long (a loaded machine), which the rule is not about.
     */
    @Then("the responses completed in the order the delay server finished them, tokens {tokens} when the requests went out together")
    public void theResponsesCompletedInTheOrder(List<Long> byDelays) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        requests.values().forEach(request -> tokens.put(request.message(), request.token()));
        List<Long> ready = server.answered().stream().map(tokens::get).toList();
        assertThat(completed)
                .withFailMessage("expected the responses to complete in the order they became ready, tokens %s (by their "
                        + "delays, tokens %s); they completed as %s (the delay server logged %s)", ready, byDelays, completed, server.log())
                .containsExactlyElementsOf(ready);
    }

    @Then("every response has status {string} and its message as the body")
    public void everyResponseHasStatusAndBody(String status) {
        for (Request request : requests.values()) {
            String text = request.response().toString();
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            assertThat(text.startsWith(status + "\r\n") && bodyStart >= 4 && text.substring(bodyStart).equals(request.message()))
                    .withFailMessage("expected the response to token %d to have status line \"%s\" and body \"%s\", it was:%n%s",
                            request.token(), status, request.message(), text)
                    .isTrue();
        }
    }

    @Then("the whole exchange took at least the longest delay but less than {int}% of the sum of the delays")
    public void theWholeExchangeTook(int percent) {
        long longest = requests.values().stream().mapToLong(Request::delayMillis).max().orElseThrow();
        long sum = requests.values().stream().mapToLong(Request::delayMillis).sum();
        assertThat(took.toMillis())
                .withFailMessage("expected sending, polling and reading all %d requests to take at least the longest delay, "
                        + "%d ms; it took %d ms", requests.size(), longest, took.toMillis())
                .isGreaterThanOrEqualTo(longest);
        assertThat(took.toMillis())
                .withFailMessage("expected the requests to wait concurrently, in less than %d%% of the %d ms their delays "
                        + "add up to (%d ms); it took %d ms", percent, sum, sum * percent / 100, took.toMillis())
                .isLessThan(sum * percent / 100);
    }

    @After("@area:event-queue")
    public void stopTheDelayServer() {
        if (server != null) server.close();
    }
}
