package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.ErrorKind;
import io.cucumber.java.ParameterType;

import java.util.Arrays;
import java.util.List;

/** The words of the event-queue features that stand for values: interests, trigger modes, error kinds, token lists. */
public class ParameterTypes {

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

    @ParameterType("edge-triggered|oneshot")
    public Mode mode(String words) {
        return Mode.parse(words);
    }

    /** A kind from the closed vocabulary of protocol.md §2.1. */
    @ParameterType("[A-Z][A-Za-z]+")
    public ErrorKind errorKind(String name) {
        return ErrorKind.parse(name).orElseThrow(() -> new IllegalArgumentException(name + " is not an error kind of protocol.md §2.1"));
    }

    /** "4, 3, 2, 1, 0" or "1, 2 and 3". */
    @ParameterType("\\d+(?:(?:, | and )\\d+)*")
    public List<Long> tokens(String list) {
        return Arrays.stream(list.split(", | and ")).map(Long::valueOf).toList();
    }
}
