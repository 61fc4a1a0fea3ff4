package dev.ack.reference.eventqueue;

import static dev.ack.reference.eventqueue.Checks.openDescriptors;
import static dev.ack.reference.eventqueue.Checks.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each known-bad variant really has its defect, where the reference does not (the other tests):
 * otherwise a suite that passes them would prove nothing.
 */
class VariantTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void levelForEdgeRepeatsAnEdgeTriggeredEvent() throws Exception {
        try (ServerSocket listener = Connection.listener(); Connection connection = Connection.open(listener);
             Poll poll = new Poll(Variant.LEVEL_FOR_EDGE)) {
            Events events = Events.withCapacity(4);
            poll.registry().register(connection.stream(), new Token(1), Interest.READABLE, Mode.EDGE);
            connection.peerSends("data");

            assertThat(tokens(poll, events, SOON)).containsExactly(1L);
            assertThat(tokens(poll, events, Duration.ZERO)).containsExactly(1L);
        }
    }

    @Test
    void appendEventsKeepsThePreviousPollsEvents() throws Exception {
        try (Poll poll = new Poll(Variant.APPEND_EVENTS)) {
            Events events = Events.withCapacity(2);
            Waker waker = new Waker(poll.registry(), new Token(5));

            waker.wake();
            assertThat(tokens(poll, events, SOON)).containsExactly(5L);
            assertThat(tokens(poll, events, Duration.ZERO)).containsExactly(5L);
            waker.wake();
            assertThat(tokens(poll, events, SOON)).containsExactly(5L, 5L);
        }
    }

    @Test
    void tokenTruncatedLosesTheHighBits() throws Exception {
        try (Poll poll = new Poll(Variant.TOKEN_TRUNCATED)) {
            Waker waker = new Waker(poll.registry(), new Token((1L << 40) + 5));
            waker.wake();

            assertThat(tokens(poll, Events.withCapacity(1), SOON)).containsExactly(5L);
        }
    }

    @Test
    void lostWakeNeverWakes() throws Exception {
        try (Poll poll = new Poll(Variant.LOST_WAKE)) {
            new Waker(poll.registry(), new Token(5)).wake();

            assertThat(tokens(poll, Events.withCapacity(1), Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void leakyCloseKeepsTheEpollFdAndTheEventfds() throws Exception {
        long before = openDescriptors();
        Poll poll = new Poll(Variant.LEAKY_CLOSE);
        new Waker(poll.registry(), new Token(5));
        poll.close();

        assertThat(openDescriptors()).isEqualTo(before + 2);
    }
}
