package dev.ack.benchmarks;

/**
 * The client side of the loopback ping-pong: N connections to an {@link EchoServer}, each with one
 * message in flight at all times. When a message's echo has come back whole, that is one round trip,
 * and the connection sends the next message at once. Implemented once per event loop compared.
 */
interface PingPongClient extends AutoCloseable {
    /** The size of every message. */
    int MESSAGE_BYTES = 64;

    /**
     * Runs the event loop until {@code count} more round trips have completed. Round trips that complete
     * beyond it (a poll may report many connections at once) count towards the next call.
     *
     * @param count how many round trips to wait for
     * @throws Exception when a socket or the event loop fails
     */
    void roundTrips(int count) throws Exception;
}
