package dev.ack.reference.eventqueue;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared setup of the tests that drive a poll: before each test a fresh {@link Poll}, its events, and a
 * {@link Connection} to a loopback peer (the listener stays open for tests that need more); after it, all
 * closed again.
 */
abstract class ConnectionFixture {
    static final Duration NOW = Duration.ZERO;
    static final Duration SOON = Duration.ofSeconds(5);

    ServerSocket listener;
    Poll poll;
    Registry registry;
    Events events;
    Connection connection;

    @BeforeEach
    void open() throws Exception {
        listener = Connection.listener();
        poll = new Poll();
        registry = poll.registry();
        events = Events.withCapacity(4); // fewer than PollTest registers, to see what does not fit
        connection = Connection.open(listener);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        poll.close();
        listener.close();
    }
}
