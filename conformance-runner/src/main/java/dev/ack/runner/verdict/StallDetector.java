package dev.ack.runner.verdict;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how late the runner's own thread wakes from short, regular naps: the lateness is the time
 * the machine denied the runner the CPU (a loaded machine, a GC pause, a stopped VM). A timing check
 * that misses its bound by less than the runner stalled since the scenario began cannot blame the
 * implementation ({@link Inconclusive}). Each scenario counts from its own beginning, on the thread that
 * runs it, so scenarios that run side by side ({@code --jobs}) do not restart each other's count.
 */
public final class StallDetector {
    private static final long NAP_NANOS = Duration.ofMillis(5).toNanos();
    /** Lateness below this is ordinary timer slack, not a stall. */
    private static final long SLACK_NANOS = Duration.ofMillis(2).toNanos();
    private static volatile boolean started;
    /** The scenarios running now, each on its own thread; the napping thread adds its lateness to all of them. */
    private static final Set<Window> OPEN = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Window> SCENARIO = ThreadLocal.withInitial(StallDetector::open);

    private StallDetector() {}

    /** Starts the napping thread once per JVM; a daemon, so it never holds up the exit. */
    public static synchronized void start() {
        if (started) return;
        started = true;
        Thread.ofPlatform().daemon().name("ack-stall-detector").start(StallDetector::nap);
    }

    /** A new scenario on this thread: its stalls are counted from now (the thread's previous scenario is over). */
    public static void scenarioBegins() {
        OPEN.remove(SCENARIO.get());
        SCENARIO.set(open());
    }

    /** How much the runner was held up since the scenario running on this thread began. */
    public static Stall sinceScenarioBegan() {
        return SCENARIO.get().stall();
    }

    private static Window open() {
        Window window = new Window(System.nanoTime());
        OPEN.add(window);
        return window;
    }

    private static void nap() {
        while (true) {
            long before = System.nanoTime();
            LockSupport.parkNanos(NAP_NANOS);
            heldUp(System.nanoTime() - before - NAP_NANOS);
        }
    }

    /** Counts a nap's lateness in every scenario running now, unless it is ordinary timer slack. */
    static void heldUp(long lateNanos) {
        if (lateNanos <= SLACK_NANOS) return;
        OPEN.forEach(window -> window.add(lateNanos));
    }

    /** One scenario's lateness: summed, and its longest single part, in nanoseconds, since {@code start}. */
    private static final class Window {
        private final long start;
        private long total;
        private long longest;

        Window(long start) { this.start = start; }

        synchronized void add(long lateNanos) {
            total += lateNanos;
            longest = Math.max(longest, lateNanos);
        }

        synchronized Stall stall() {
            return new Stall(Duration.ofNanos(total), Duration.ofNanos(longest), Duration.ofNanos(System.nanoTime() - start));
        }
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
