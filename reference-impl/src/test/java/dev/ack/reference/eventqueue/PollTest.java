package dev.ack.reference.eventqueue;

import static dev.ack.reference.eventqueue.Checks.millisTaken;
import static dev.ack.reference.eventqueue.Checks.reasonOf;
import static dev.ack.reference.eventqueue.Checks.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Timeouts, wakers and the events collection. Timing bounds are loose: CI machines are slow and busy. */
class PollTest extends ConnectionFixture {
    private static final Token WAKE = new Token(99);

    @Test
    void zeroTimeoutReturnsAtOnceAndTimedWaitWaits() throws Exception {
        long immediate = millisTaken(() -> poll.poll(events, Duration.ZERO));
        long timed = millisTaken(() -> poll.poll(events, Duration.ofMillis(300)));

        assertThat(events.isEmpty()).isTrue();
        assertThat(timed).isGreaterThanOrEqualTo(280);
        assertThat(immediate).isLessThan(timed / 2);
    }

    @Test
    void wakeFromAnotherThreadEndsAnUnlimitedWait() throws Exception {
        Waker waker = new Waker(poll.registry(), WAKE);
        CompletableFuture<Void> wake = CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(150);
                waker.wake();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });

        long waited = millisTaken(() -> assertThat(tokens(poll, events, null)).containsExactly(99L));
        wake.get(5, TimeUnit.SECONDS);
        assertThat(waited).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aWakeIsReportedOnceAndEveryNewWakeAgain() throws Exception {
        Waker waker = new Waker(poll.registry(), WAKE);

        waker.wake();
        waker.wake();
        assertThat(tokens(poll, events, Duration.ofSeconds(5))).containsExactly(99L);
        assertThat(tokens(poll, events, Duration.ZERO)).as("the eventfd must not stay ready").isEmpty();

        waker.wake();
        assertThat(tokens(poll, events, Duration.ofSeconds(5))).containsExactly(99L);
    }

    @Test
    void eachPollReplacesTheEventsAndKeepsToCapacity() throws Exception {
        Connection[] connections = new Connection[6];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = Connection.open(listener);
            poll.registry().register(connections[i].stream(), new Token(i), Interest.WRITABLE, Mode.EDGE);
        }

        poll.poll(events, Duration.ofSeconds(5));
        assertThat(events.size()).isEqualTo(events.capacity());
        poll.poll(events, Duration.ofSeconds(5));
        assertThat(events.size()).as("the two edges not reported the first time").isEqualTo(2);
        poll.poll(events, Duration.ZERO);
        assertThat(events.isEmpty()).isTrue();

        for (Connection each : connections) each.close();
    }

    @Test
    void capacityMustBeAtLeastOne() {
        assertThat(reasonOf(() -> Events.withCapacity(0))).isEqualTo(Reason.INVALID_ARGUMENT);
    }

    @Test
    void aNegativeTimeoutIsAnInvalidArgument() {
        assertThat(reasonOf(() -> poll.poll(events, Duration.ofMillis(-1)))).isEqualTo(Reason.INVALID_ARGUMENT);
    }

    @Test
    void closingThePollClosesItsWakers() throws Exception {
        Waker waker = new Waker(poll.registry(), WAKE);
        poll.close();

        assertThat(reasonOf(waker::wake)).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(reasonOf(() -> poll.poll(events, Duration.ZERO))).isEqualTo(Reason.INVALID_ARGUMENT);
    }
}
