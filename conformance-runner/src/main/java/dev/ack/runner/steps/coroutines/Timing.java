package dev.ack.runner.steps.coroutines;

import dev.ack.runner.steps.TimingCheck;

import java.time.Duration;
import java.util.List;

/**
 * The timing facts of the book's demonstrations, always relative to the delays the program asked the
 * delay server for: waits one after another take at least their sum; waits that overlap take at
 * least the longest and clearly less than the sum.
 */
public final class Timing {
    private Timing() {}

    public static void assertSequential(String what, Duration took, List<Long> delays) {
        long sum = delays.stream().mapToLong(Long::longValue).sum();
        if (took.toMillis() < sum) {
            throw new AssertionError("expected " + what + " to take at least the sum of the delays " + delays + ", "
                    + sum + " ms, because each request waits for the one before; it took " + took.toMillis() + " ms");
        }
    }

    public static void assertConcurrent(String what, Duration took, List<Long> delays, int percentOfSum) {
        long longest = delays.stream().mapToLong(Long::longValue).max().orElse(0);
        long bound = delays.stream().mapToLong(Long::longValue).sum() * percentOfSum / 100;
        if (took.toMillis() < longest) {
            throw new AssertionError("expected " + what + " to take at least the longest delay of " + delays + ", "
                    + longest + " ms; it took " + took.toMillis() + " ms");
        }
        TimingCheck.below(took, Duration.ofMillis(bound), () -> "expected the requests of " + what
                + " to wait concurrently, in less than " + percentOfSum + "% of the sum of the delays " + delays + " ("
                + bound + " ms); it took " + took.toMillis() + " ms");
    }
}
