package dev.ack.runner.steps.coroutines;

import io.cucumber.java.ParameterType;

import java.util.Arrays;
import java.util.List;

/** The words of the coroutines and wakers features that stand for values: lists of names, how often. */
public class CoroutineParameterTypes {

    /** "HelloWorld1", "first and second" or "a, b and c". */
    @ParameterType("\\w+(?:(?:, | and )\\w+)*")
    public List<String> wordList(String list) {
        return Arrays.asList(list.split(", | and "));
    }

    /** "once", "twice" or "3 times". */
    @ParameterType("once|twice|\\d+ times")
    public Integer howOften(String words) {
        return switch (words) {
            case "once" -> 1;
            case "twice" -> 2;
            default -> Integer.valueOf(words.substring(0, words.indexOf(' ')));
        };
    }
}
