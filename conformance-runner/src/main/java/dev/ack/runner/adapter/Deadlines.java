package dev.ack.runner.adapter;

import java.time.Duration;

/**
 * How long the runner waits for an adapter, by kind of wait, all multiplied by one scale factor for
 * slow machines ({@code --timeout-scale} or {@code ACK_TIMEOUT_SCALE}). Waits are generous: they
 * only decide when a silent adapter counts as hung, never whether an implementation is fast.
 */
public record Deadlines(double scale) {
    /** Starting a process and answering {@code hello}: a JVM or an interpreter must boot. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(20);
    /** Any ordinary request: the adapter should answer at once. */
    private static final Duration REPLY = Duration.ofSeconds(5);

    public Deadlines {
        if (!(scale > 0)) throw new IllegalArgumentException("timeout scale must be > 0, got " + scale);
    }

    public static Deadlines fromEnvironment() {
        String value = System.getenv("ACK_TIMEOUT_SCALE");
        return new Deadlines(value == null || value.isBlank() ? 1.0 : Double.parseDouble(value));
    }

    public Duration handshake() { return scaled(HANDSHAKE); }

    public Duration reply() { return scaled(REPLY); }

    /** A request that is expected to take {@code expected} before its reply (a blocking poll). */
    public Duration replyAfter(Duration expected) { return scaled(REPLY.plus(expected.multipliedBy(2))); }

    public Duration scaled(Duration d) { return Duration.ofNanos((long) (d.toNanos() * scale)); }
}
