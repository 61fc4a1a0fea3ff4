package dev.ack.runner.verdict;

import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Teaching levels: chapters build on each other, so with levels on, a chapter's scenarios are
 * locked (not run, not failed) while a lower chapter has failures. Features run in chapter order,
 * so the lower chapters' verdicts are known when a higher chapter starts.
 */
public final class Levels {
    private final boolean on;
    private final ConcurrentSkipListSet<Integer> failingChapters = new ConcurrentSkipListSet<>();

    public Levels(boolean on) {
        this.on = on;
    }

    public void failed(int chapter) {
        failingChapters.add(chapter);
    }

    /** The lowest chapter below {@code chapter} that has failures, when levels are on. */
    public Optional<Integer> lockedBy(int chapter) {
        if (!on) return Optional.empty();
        Integer lowest = failingChapters.isEmpty() ? null : failingChapters.first();
        return lowest != null && lowest < chapter ? Optional.of(lowest) : Optional.empty();
    }
}
