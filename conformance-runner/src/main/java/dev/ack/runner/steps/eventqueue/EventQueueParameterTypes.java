package dev.ack.runner.steps.eventqueue;

import io.cucumber.java.ParameterType;

/**
 * The words of the event-queue features that stand for values: interests and trigger modes (error kinds
 * and token lists are {@link dev.ack.runner.steps.CommonParameterTypes}, shared by every area).
 */
public class EventQueueParameterTypes {

    /** What a registration asks for; "no interests" is the empty set EQ-03 is about. */
    @ParameterType("readable and writable|readable|writable|no interests")
    public Interests interests(String words) {
        return Interests.parse(words);
    }

    /** What an event is expected to report. */
    @ParameterType("readable and writable|readable|writable")
    public Interests readiness(String words) {
        return Interests.parse(words);
    }

    /** A flag of an event beyond its readiness, by its wire name. */
    @ParameterType("read_closed|write_closed|error")
    public EventFlag eventFlag(String wireName) {
        return EventFlag.of(wireName);
    }

    @ParameterType("edge-triggered|oneshot")
    public Mode mode(String words) {
        return Mode.parse(words);
    }
}
