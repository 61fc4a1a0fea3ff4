package dev.ack.runner.verdict;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how late the runner's own thread wakes from short, regular naps: the lateness is the time
 * the machine denied the runner the CPU (a loaded machine, a GC pause, a stopped VM). A timing check
 * that misses its bound by less than the runner stalled since the scenario began cannot blame the
 * implementation ({@link Inconclusive}).
 */
public final class StallDetector {
    private static final long NAP_NANOS = Duration.ofMillis(5).toNanos();
    /** Lateness below this is ordinary timer slack, not a stall. */
    private static final long SLACK_NANOS = Duration.ofMillis(2).toNanos();
    private static volatile boolean started;
    private static volatile long scenarioStart = System.nanoTime();
    /** Lateness summed since the scenario began, and its longest single part, in nanoseconds; written by the napping thread only. */
    private static volatile long total;
    private static volatile long longest;

    private StallDetector() {}

    /** Starts the napping thread once per JVM; a daemon, so it never holds up the exit. */
    public static synchronized void start() {
        if (started) return;
        started = true;
        Thread.ofPlatform().daemon().name("ack-stall-detector").start(StallDetector::nap);
    }

    /** A new scenario: its stalls are counted from now. */
    public static synchronized void scenarioBegins() {
        scenarioStart = System.nanoTime();
        total = 0;
        longest = 0;
    }

    /** How much the runner was held up since the scenario began. */
    public static Stall sinceScenarioBegan() {
        return new Stall(Duration.ofNanos(total), Duration.ofNanos(longest), Duration.ofNanos(System.nanoTime() - scenarioStart));
    }

    private static void nap() {
        while (true) {
            long before = System.nanoTime();
            LockSupport.parkNanos(NAP_NANOS);
            heldUp(System.nanoTime() - before - NAP_NANOS);
        }
    }

    /** Counts a nap's lateness, unless it is ordinary timer slack. */
    static synchronized void heldUp(long lateNanos) {
        if (lateNanos <= SLACK_NANOS) return;
        total += lateNanos;
        longest = Math.max(longest, lateNanos);
    }

    /**
     * A timing check missed its bound by {@code miss}: inconclusive when the runner was held up, and the
     * adapter's threads waited for a CPU ({@code adapterWaited}), together at least that long since the
     * scenario began (the machine may explain the miss); a failure otherwise.
     */
    public static AssertionError missed(Duration miss, Duration adapterWaited, String message) {
        Stall stall = sinceScenarioBegan();
        String held = stall.describe() + ", and the adapter's threads waited " + adapterWaited.toMillis() + " ms for a CPU";
        if (stall.total().plus(adapterWaited).compareTo(miss) >= 0) {
            return new Inconclusive(message, held + ", together at least the " + miss.toMillis()
                    + " ms the check missed by: the machine, not the implementation, may explain it");
        }
        return new AssertionError(message + " (" + held + ")");
    }

    /**
     * The runner's lateness over a scenario so far.
     *
     * @param total   all lateness added up
     * @param longest the longest single stall
     * @param window  how long the scenario has run
     */
    public record Stall(Duration total, Duration longest, Duration window) {
        /** "the runner itself stalled 180 ms in all (longest 120 ms) over the scenario's 2400 ms". */
        public String describe() {
            return "the runner itself was held up " + total.toMillis() + " ms in all (longest " + longest.toMillis()
                    + " ms) over the scenario's " + window.toMillis() + " ms";
        }
    }
}
