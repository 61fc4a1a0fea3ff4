package dev.ack.reference.eventqueue;

import static dev.ack.reference.eventqueue.Checks.poll;
import static dev.ack.reference.eventqueue.Checks.reasonOf;
import static dev.ack.reference.eventqueue.Checks.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistryTest extends ConnectionFixture {
    private static final Token TOKEN = new Token(7);

    @Test
    void tokensTravelThroughEpollWithAll64Bits() throws Exception {
        try (Connection second = Connection.open(listener)) {
            long above32Bits = (1L << 53) - 1;
            registry.register(connection.stream(), new Token(above32Bits), Interest.WRITABLE, Mode.LEVEL);
            registry.register(second.stream(), new Token(-1L), Interest.WRITABLE, Mode.LEVEL);

            assertThat(tokens(poll, events, SOON)).containsExactlyInAnyOrder(above32Bits, -1L);
        }
    }

    @Test
    void levelTriggeredReportsUnreadDataAtEveryPoll() throws Exception {
        registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL);
        connection.peerSends("data");

        assertThat(tokens(poll, events, SOON)).containsExactly(7L);
        assertThat(tokens(poll, events, NOW)).containsExactly(7L);
        assertThat(tokens(poll, events, NOW)).containsExactly(7L);
    }

    @Test
    void edgeTriggeredReportsNewDataOnce() throws Exception {
        registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.EDGE);
        connection.peerSends("first");

        assertThat(tokens(poll, events, SOON)).containsExactly(7L);
        assertThat(tokens(poll, events, NOW)).isEmpty();

        connection.peerSends("second");
        assertThat(tokens(poll, events, SOON)).containsExactly(7L);
        assertThat(tokens(poll, events, NOW)).isEmpty();
    }

    @Test
    void oneshotIsSilentUntilReregistered() throws Exception {
        Mode oneshot = new Mode(Trigger.LEVEL, true);
        registry.register(connection.stream(), TOKEN, Interest.READABLE, oneshot);
        connection.peerSends("data");

        assertThat(tokens(poll, events, SOON)).containsExactly(7L);
        connection.peerSends("more");
        assertThat(tokens(poll, events, NOW)).isEmpty();

        registry.reregister(connection.stream(), new Token(8), Interest.READABLE, oneshot);
        assertThat(tokens(poll, events, SOON)).containsExactly(8L);
        assertThat(tokens(poll, events, NOW)).isEmpty();
    }

    @Test
    void deregisteredSourceReportsNothing() throws Exception {
        registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL);
        connection.peerSends("data");
        registry.deregister(connection.stream());

        assertThat(tokens(poll, events, Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void registeringFromAnotherThreadEndsABlockingPoll() throws Exception {
        connection.peerSends("ready before anyone looks");
        CompletableFuture<Void> registration = CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
                registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.EDGE);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });

        assertThat(tokens(poll, events, null)).containsExactly(7L);
        registration.get(5, TimeUnit.SECONDS);
    }

    @Test
    void reportsReadableAndWritableTogether() throws Exception {
        registry.register(connection.stream(), TOKEN, new Interest(true, true), Mode.LEVEL);
        connection.peerSends("data");

        assertThat(poll(poll, events, SOON)).singleElement()
                .satisfies(seen -> assertThat(seen.readable() && seen.writable()).isTrue());
    }

    @Test
    void registeringTwiceIsAlreadyRegistered() throws Exception {
        registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL);

        assertThat(reasonOf(() -> registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL)))
                .isEqualTo(Reason.ALREADY_REGISTERED);
    }

    @Test
    void changingOrRemovingAnUnregisteredSourceIsNotRegistered() {
        assertThat(reasonOf(() -> registry.reregister(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL)))
                .isEqualTo(Reason.NOT_REGISTERED);
        assertThat(reasonOf(() -> registry.deregister(connection.stream()))).isEqualTo(Reason.NOT_REGISTERED);
    }

    @Test
    void registeringAClosedSourceIsAnInvalidArgument() {
        connection.stream().close();

        EventQueueException failure = catchThrowableOfType(EventQueueException.class,
                () -> registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(failure).hasMessageContaining("EBADF");
    }

    @Test
    void emptyInterestsAreAnInvalidArgument() {
        Interest none = new Interest(false, false);

        assertThat(reasonOf(() -> registry.register(connection.stream(), TOKEN, none, Mode.LEVEL)))
                .isEqualTo(Reason.INVALID_ARGUMENT);
    }

    @Test
    void aClosedPollRejectsRegistrations() {
        poll.close();

        assertThat(reasonOf(() -> registry.register(connection.stream(), TOKEN, Interest.READABLE, Mode.LEVEL)))
                .isEqualTo(Reason.INVALID_ARGUMENT);
    }
}
