package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.ConnectArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.protocol.eventqueue.EventQueueOps.WriteArgs;
import dev.ack.runner.peers.DelayServer;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.TimingCheck;
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
    /** For each completed token, the number of the poll (from 0) whose events completed it. */
    private final Map<Long, Integer> completedInPoll = new LinkedHashMap<>();
    /** When the last request had been written and registered: from then on every delay runs at the server. */
    private long allSentNanos;
    private DelayServer server;
    private long startNanos;
    private Duration took;
    private long finishedNanos;

    /** One request in flight: its source, and the response read so far. */
    private record Request(long token, long delayMillis, String message, long source, StringBuilder response) {}

    public DelayServerDemoSteps(EventQueueWorld world) {
        this.world = world;
    }

    @Given("the runner's delay server is running")
    public void theDelayServerIsRunning() throws IOException {
        server = DelayServer.start(RunContext.settings().delayServerPort());
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
        allSentNanos = System.nanoTime();
    }

    private long connect() {
        return ExpectedReplies.succeed(EventQueueOps.CONNECT, new ConnectArgs(server.host(), server.port())).source();
    }

    @When("I poll and read until every response has reached end of stream")
    public void iPollAndReadUntilEveryResponseHasEnded() {
        long poll = world.pollInstance(THE_POLL_INSTANCE);
        Duration budget = RunContext.settings().deadlines().signal();
        long budgetEnd = System.nanoTime() + budget.toNanos();
        int polls = 0;
        while (completed.size() < requests.size()) {
            if (System.nanoTime() > budgetEnd) {
                throw new AssertionError("after " + budget.toSeconds() + " s of polling only tokens " + completed
                        + " reached end of stream, of " + requests.keySet() + "; the delay server logged " + server.log());
            }
            int thisPoll = polls++;
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
                    completedInPoll.put(request.token(), thisPoll);
                }
            }
        }
        finishedNanos = System.nanoTime();
        took = Duration.ofNanos(finishedNanos - startNanos);
    }

    /**
     * "In the order they became ready", measured at the delay server: a response whose connection was
     * closed before another's writing began was readable first, so a poll that completed the other must
     * have completed it too (in that poll or an earlier one). The listed order is the one the delays
     * make; when the requests reached the server so late that it answered in their registration order,
     * readiness cannot be told from registration, which a stall explains (inconclusive).
     */
    @Then("the responses completed in the order of tokens {tokens}")
    public void theResponsesCompletedInTheOrder(List<Long> expected) {
        Map<String, DelayServer.Sent> sent = new LinkedHashMap<>();
        server.sent().forEach(s -> sent.put(s.message(), s));
        List<String> wrong = new ArrayList<>();
        Duration widest = Duration.ZERO;
        for (Request first : requests.values()) {
            for (Request second : requests.values()) {
                DelayServer.Sent a = sent.get(first.message());
                DelayServer.Sent b = sent.get(second.message());
                if (a != null && b != null && a.before(b) && completedInPoll.get(first.token()) > completedInPoll.get(second.token())) {
                    Duration apart = Duration.ofNanos(b.startNanos() - a.endNanos());
                    if (apart.compareTo(widest) > 0) widest = apart;
                    wrong.add("token " + first.token() + " was readable " + apart.toMillis()
                            + " ms before token " + second.token() + " but completed " + (completedInPoll.get(first.token())
                            - completedInPoll.get(second.token())) + " poll(s) later");
                }
            }
        }
        // the server's HTTP library closes a finished connection on its own thread, a little after the handler
        // returns: a stall that long can swap two responses that close apart by less
        TimingCheck.holds(wrong.isEmpty(), widest.plusMillis(1), () -> String.format(
                "expected the responses to complete in the order they became ready at the delay server; %s "
                        + "(they completed as %s; the delay server logged %s)", String.join("; ", wrong), completed, server.log()));
        // the check tells readiness from registration order only if the server answered in another order than the requests were registered
        List<Long> serverOrder = server.sent().stream().map(s -> tokenOf(s.message())).toList();
        TimingCheck.holds(serverOrder.equals(expected) || !serverOrder.equals(List.copyOf(requests.keySet())),
                TimingCheck.closest(requests.values().stream().map(Request::delayMillis).toList()),
                () -> "expected the delay server to answer in the order of the delays, tokens " + expected + "; it answered in the order "
                        + "the requests were registered, " + serverOrder + ", because they reached it late (the delay server logged "
                        + server.log() + ")");
    }

    private long tokenOf(String message) {
        return requests.values().stream().filter(r -> r.message().equals(message)).findFirst().orElseThrow().token();
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
        // from when every request was out: the time the runner took sending them is not the implementation's
        Duration waited = Duration.ofNanos(finishedNanos - allSentNanos);
        TimingCheck.below(waited, Duration.ofMillis(sum * percent / 100), () -> String.format("expected the requests to wait "
                + "concurrently, in less than %d%% of the %d ms their delays add up to (%d ms) once all were sent; it took %d ms "
                + "(%d ms in all)", percent, sum, sum * percent / 100, waited.toMillis(), took.toMillis()));
    }

    @After("@area:event-queue")
    public void stopTheDelayServer() {
        if (server != null) server.close();
    }
}
