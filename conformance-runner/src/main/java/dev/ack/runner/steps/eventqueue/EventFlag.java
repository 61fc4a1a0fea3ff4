package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps.Event;

import java.util.Arrays;
import java.util.function.Predicate;

/** The flags of an event beyond its readiness (protocol.md §5), by their wire names. */
enum EventFlag {
    READ_CLOSED("read_closed", Event::readClosed),
    WRITE_CLOSED("write_closed", Event::writeClosed),
    ERROR("error", Event::error);

    private final String wireName;
    private final Predicate<Event> isSet;

    EventFlag(String wireName, Predicate<Event> isSet) {
        this.wireName = wireName;
        this.isSet = isSet;
    }

    static EventFlag of(String wireName) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event flag " + wireName));
    }

    String wireName() { return wireName; }

    boolean isSetIn(Event event) { return isSet.test(event); }
}
