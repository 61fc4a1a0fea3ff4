package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps.Event;

import java.time.Duration;
import java.util.List;

/** What one poll returned and how long the runner waited for it. */
record PollOutcome(List<Event> events, Duration elapsed) {

    boolean hasToken(long token) {
        return events.stream().anyMatch(e -> e.token() == token);
    }

    /**
     * The readiness reported for {@code token} over all its events: an implementation may report
     * readable and writable in one event or, as kqueue does, in one event each (EQ-07).
     */
    Interests readinessOf(long token) {
        List<Event> mine = events.stream().filter(e -> e.token() == token).toList();
        return new Interests(mine.stream().anyMatch(Event::readable), mine.stream().anyMatch(Event::writable));
    }

    /** For failure messages: "[token 3 readable, token 4 writable] after 12 ms". */
    String describe() {
        return (events.isEmpty() ? "no events" : events.stream().map(PollOutcome::describe).toList().toString())
                + " after " + elapsed.toMillis() + " ms";
    }

    /** "token 3 readable read_closed", or "token 3 (no flags)". */
    static String describe(Event event) {
        StringBuilder text = new StringBuilder("token ").append(event.token());
        if (event.readable()) text.append(" readable");
        if (event.writable()) text.append(" writable");
        if (event.readClosed()) text.append(" read_closed");
        if (event.writeClosed()) text.append(" write_closed");
        if (event.error()) text.append(" error");
        if (!(event.readable() || event.writable() || event.readClosed() || event.writeClosed() || event.error())) {
            text.append(" (no flags)");
        }
        return text.toString();
    }
}
