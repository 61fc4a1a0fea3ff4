package dev.ack.runner.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The time a scenario spends waiting on purpose: a delay the delay server was asked for, a peer's send
 * "after N ms", a poll whose timeout ran out, a quiet window watched for something that must not
 * happen, an "I wait N ms". Recorded as intervals and counted as the time covered by at least one of
 * them, so that waits running side by side (twelve requests delayed at once) count once. Summed over a
 * run's scenarios it is the run's floor: what a serial run cannot go below, however fast the
 * implementation and the runner. Each scenario records on the thread that runs it; a peer that waits on
 * a thread of its own takes the scenario's record with it when it starts.
 */
public final class DeliberateWaits {
    private static final ThreadLocal<DeliberateWaits> SCENARIO = ThreadLocal.withInitial(DeliberateWaits::new);

    /** Start and end of each wait, in {@link System#nanoTime()}. */
    private final List<long[]> waits = new ArrayList<>();

    private DeliberateWaits() {}

    /** A scenario begins on this thread: its waits are recorded afresh. */
    public static void scenarioBegins() { SCENARIO.set(new DeliberateWaits()); }

    /** The record of the scenario running on this thread. */
    public static DeliberateWaits ofThisScenario() { return SCENARIO.get(); }

    /** A wait on purpose from {@code startNanos} to {@code endNanos}. */
    public synchronized void waited(long startNanos, long endNanos) {
        if (endNanos > startNanos) waits.add(new long[]{startNanos, endNanos});
    }

    /** The time covered by at least one of the waits. */
    public synchronized Duration covered() {
        List<long[]> sorted = new ArrayList<>(waits);
        sorted.sort(Comparator.comparingLong(w -> w[0]));
        long covered = 0;
        long reached = Long.MIN_VALUE;
        for (long[] wait : sorted) {
            long from = Math.max(wait[0], reached);
            if (wait[1] > from) covered += wait[1] - from;
            reached = Math.max(reached, wait[1]);
        }
        return Duration.ofNanos(covered);
    }
}
