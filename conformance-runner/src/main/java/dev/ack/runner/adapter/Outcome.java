package dev.ack.runner.adapter;

import dev.ack.protocol.ProtocolError;

import java.time.Duration;

/**
 * The reply to one typed request: its result record or its error, and when the runner sent the request
 * and read the reply ({@link System#nanoTime()}).
 */
public record Outcome<R>(R result, ProtocolError error, long sentNanos, long receivedNanos) {

    public boolean ok() { return error == null; }

    /** The time from sending the request to reading its reply, as the runner measured it. */
    public Duration elapsed() { return Duration.ofNanos(receivedNanos - sentNanos); }

    /** The result; throws the adapter's error reply when there was one. */
    public R orThrow() {
        if (error != null) throw error;
        return result;
    }
}
