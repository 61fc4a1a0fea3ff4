package dev.ack.reference.variants;

import static dev.ack.reference.eventqueue.Checks.openDescriptors;
import static dev.ack.reference.eventqueue.Checks.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.eventqueue.Connection;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Interest;
import dev.ack.reference.eventqueue.Mode;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.Token;
import dev.ack.reference.eventqueue.Waker;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each known-bad variant of the event queue really has its defect, where the reference does not (the
 * eventqueue package's tests): otherwise a suite that passes them would prove nothing. Each is made
 * through its factory, as the adapter makes it.
 */
class EventQueueVariantsTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void levelForEdgeRepeatsAnEdgeTriggeredEvent() throws Exception {
        try (ServerSocket listener = Connection.listener(); Connection connection = Connection.open(listener);
             Poll poll = LevelForEdge.VARIANT.implementation().eventQueue().poll()) {
            Events events = Events.withCapacity(4);
            poll.registry().register(connection.stream(), new Token(1), Interest.READABLE, Mode.EDGE);
            connection.peerSends("data");

            assertThat(tokens(poll, events, SOON)).containsExactly(1L);
            assertThat(tokens(poll, events, Duration.ZERO)).containsExactly(1L);
        }
    }

    @Test
    void appendEventsKeepsThePreviousPollsEvents() throws Exception {
        EventQueueFactory appendEvents = AppendEvents.VARIANT.implementation().eventQueue();
        try (Poll poll = appendEvents.poll()) {
            Events events = appendEvents.events(2);
            Waker waker = appendEvents.waker(poll.registry(), new Token(5));

            waker.wake();
            assertThat(tokens(poll, events, SOON)).containsExactly(5L);
            assertThat(tokens(poll, events, Duration.ZERO)).containsExactly(5L);
            waker.wake();
            assertThat(tokens(poll, events, SOON)).containsExactly(5L, 5L);
        }
    }

    @Test
    void tokenTruncatedLosesTheHighBits() throws Exception {
        try (Poll poll = TokenTruncated.VARIANT.implementation().eventQueue().poll()) {
            new Waker(poll.registry(), new Token((1L << 40) + 5)).wake();

            assertThat(tokens(poll, Events.withCapacity(1), SOON)).containsExactly(5L);
        }
    }

    /** A wake writes the eventfd before it returns: a poll right after it that finds nothing shows it was lost. */
    @Test
    void lostWakeNeverWakes() throws Exception {
        EventQueueFactory lostWake = LostWake.VARIANT.implementation().eventQueue();
        try (Poll poll = lostWake.poll()) {
            lostWake.waker(poll.registry(), new Token(5)).wake();

            assertThat(tokens(poll, Events.withCapacity(1), Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void leakyCloseKeepsTheEpollFdAndTheEventfds() throws Exception {
        long before = openDescriptors();
        Poll poll = LeakyClose.VARIANT.implementation().eventQueue().poll();
        new Waker(poll.registry(), new Token(5));
        poll.close();

        assertThat(openDescriptors()).isEqualTo(before + 2);
    }
}
