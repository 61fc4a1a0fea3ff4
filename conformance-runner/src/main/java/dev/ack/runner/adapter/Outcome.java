package dev.ack.runner.adapter;

import dev.ack.protocol.ProtocolError;

import java.time.Duration;

/**
 * The reply to one typed request: its result record or its error, and the time from sending the request
 * to reading the reply, as the runner measured it.
 */
public record Outcome<R>(R result, ProtocolError error, Duration elapsed) {

    public boolean ok() { return error == null; }

    /** The result; throws the adapter's error reply when there was one. */
    public R orThrow() {
        if (error != null) throw error;
        return result;
    }
}
