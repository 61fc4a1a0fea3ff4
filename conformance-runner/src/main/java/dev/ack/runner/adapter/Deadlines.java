package dev.ack.runner.adapter;

import java.time.Duration;

/**
 * How long the runner waits, by kind of wait, all multiplied by one scale factor for slow machines
 * ({@code --timeout-scale} or {@code ACK_TIMEOUT_SCALE}). The kinds, as the Reactive Streams TCK
 * separates them:
 * <ul>
 *   <li>a <b>signal</b> that should come: generous, it only decides when a silent adapter counts as
 *       hung, never whether an implementation is fast ({@link #handshake()}, {@link #reply()},
 *       {@link #replyAfter(Duration)}, {@link #signal()});</li>
 *   <li><b>nothing should happen</b>: how long a scenario watches for an event that must not come
 *       ({@link #quiet()});</li>
 *   <li>a <b>poll interval</b>: the pause between two looks when the runner drives or watches
 *       ({@link #pollInterval()}), and the moment it lets data on loopback settle ({@link #settle()}).</li>
 * </ul>
 */
public record Deadlines(double scale) {
    private static final Duration HANDSHAKE = Duration.ofSeconds(20);
    private static final Duration REPLY = Duration.ofSeconds(5);
    private static final Duration SIGNAL = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration SETTLE = Duration.ofMillis(20);

    public Deadlines {
        if (!(scale > 0)) throw new IllegalArgumentException("timeout scale must be > 0, got " + scale);
    }

    public static Deadlines fromEnvironment() {
        String value = System.getenv("ACK_TIMEOUT_SCALE");
        try {
            return new Deadlines(value == null || value.isBlank() ? 1.0 : Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ACK_TIMEOUT_SCALE must be a number, got " + value);
        }
    }

    /** Starting a process and answering {@code hello}: a JVM or an interpreter must boot. */
    public Duration handshake() { return scaled(HANDSHAKE); }

    /** Any ordinary request: the adapter should answer at once. */
    public Duration reply() { return scaled(REPLY); }

    /** A request that is expected to take about {@code expected} before its reply (a blocking poll). */
    public Duration replyAfter(Duration expected) { return scaled(REPLY.plus(expected.multipliedBy(2))); }

    /** Something the scenario waits for that should come (a run to finish, a request to arrive). */
    public Duration signal() { return scaled(SIGNAL); }

    /** How long to watch for something that must not happen. */
    public Duration quiet() { return scaled(QUIET); }

    /** The pause between two looks when the runner drives polls or watches for a change. */
    public Duration pollInterval() { return scaled(POLL_INTERVAL); }

    /** Time for bytes on loopback to reach the adapter before a non-blocking look. */
    public Duration settle() { return scaled(SETTLE); }

    public Duration scaled(Duration d) { return Duration.ofNanos((long) (d.toNanos() * scale)); }
}
