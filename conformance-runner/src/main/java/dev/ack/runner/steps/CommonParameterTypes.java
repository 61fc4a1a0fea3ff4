package dev.ack.runner.steps;

import dev.ack.protocol.ErrorKind;
import io.cucumber.java.ParameterType;

import java.util.Arrays;
import java.util.List;

/** The words that stand for values in the features of every area: error kinds, lists of numbers. */
public class CommonParameterTypes {

    /** A kind from the closed vocabulary of protocol.md §2.1. */
    @ParameterType("[A-Z][A-Za-z]+")
    public ErrorKind errorKind(String name) {
        return ErrorKind.parse(name).orElseThrow(() -> new IllegalArgumentException(name + " is not an error kind of protocol.md §2.1"));
    }

    /** "4, 3, 2, 1, 0" or "1, 2 and 3": tokens, or counts of pending tasks. */
    @ParameterType("\\d+(?:(?:, | and )\\d+)*")
    public List<Long> tokens(String list) {
        return Arrays.stream(list.split(", | and ")).map(Long::valueOf).toList();
    }
}
