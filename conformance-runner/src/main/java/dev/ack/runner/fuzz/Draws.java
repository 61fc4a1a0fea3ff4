package dev.ack.runner.fuzz;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.List;

/** The draws a case is made of, from QuickTheories' seeded source. */
final class Draws {
    private final RandomnessSource source;

    Draws(RandomnessSource source) {
        this.source = source;
    }

    /** A number from {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return (int) source.next(Constraint.between(low, high));
    }

    /** True about once in {@code n} draws. */
    boolean oneIn(int n) {
        return between(1, n) == 1;
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(between(0, choices.size() - 1));
    }
}
