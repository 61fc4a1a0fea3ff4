package dev.ack.runner.steps;

import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.verdict.MachineShare;
import dev.ack.runner.verdict.StallDetector;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Upper bounds on time, which a loaded machine can break for a correct implementation: a miss smaller
 * than the runner's own stall plus the adapter's wait for a CPU over the scenario is {@link dev.ack.runner.verdict.Inconclusive} (retried
 * once), a larger one fails. Lower bounds need no such care (a stall never makes anything faster), nor do orders checked
 * against when things really happened. Only a scenario tagged {@code @timing} may check time here: it runs alone
 * ({@link MachineShare}), so no scenario beside it takes the CPU its bounds were written for; a check in any other
 * scenario is a bug of the suite, reported at once whatever the check's outcome.
 */
public final class TimingCheck {
    private TimingCheck() {}

    /** Fails with {@code message} when {@code took} is not below {@code bound}, unless a stall of the runner explains the miss. */
    public static void below(Duration took, Duration bound, Supplier<String> message) {
        requireTimingScenario();
        if (took.compareTo(bound) < 0) return;
        missedBy(took.minus(bound).plusMillis(1), message);
    }

    /** An order or a count that a stall of at least {@code explainedBy} could have upset; none (zero) explains nothing. */
    public static void holds(boolean ok, Duration explainedBy, Supplier<String> message) {
        requireTimingScenario();
        if (ok) return;
        if (explainedBy.isZero()) throw new AssertionError(message.get());
        missedBy(explainedBy, message);
    }

    /** The smallest gap between two of {@code delays} (milliseconds): how long a stall must be to swap two of them. */
    public static Duration closest(List<Long> delays) {
        List<Long> sorted = delays.stream().sorted().toList();
        long gap = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) gap = Math.min(gap, sorted.get(i) - sorted.get(i - 1));
        return Duration.ofMillis(gap == Long.MAX_VALUE ? 0 : gap);
    }

    private static void requireTimingScenario() {
        if (!MachineShare.alone()) {
            throw new IllegalStateException("a timing check in a scenario not tagged @timing: tag the scenario @timing, "
                    + "so that it runs with no other scenario beside it");
        }
    }

    private static void missedBy(Duration miss, Supplier<String> message) {
        Duration adapterWaited = RunContext.currentSession().map(AdapterSession::cpuWaitedThisScenario).orElse(Duration.ZERO);
        throw StallDetector.missed(miss, adapterWaited, message.get());
    }
}
