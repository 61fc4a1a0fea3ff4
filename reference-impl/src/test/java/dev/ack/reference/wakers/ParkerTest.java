package dev.ack.reference.wakers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parker's one binary permit (the book's parker-bonus). Whether a park waits is read from the
 * parking thread itself, waiting inside {@link Parker#park} or done, never from how long it took.
 */
class ParkerTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    private final Parker parker = new Parker();
    private Thread parking;

    @AfterEach
    void release() throws InterruptedException {
        if (parking == null) return;
        parker.unpark();
        parking.join(SOON);
    }

    @Test
    void parkWaitsForAnUnparkFromAnotherThread() throws Exception {
        parkOnAnotherThread();
        assertThat(waitsInPark()).as("parked until an unpark").isTrue();

        parker.unpark();

        assertThat(parking.join(SOON)).as("park returned after the unpark").isTrue();
    }

    @Test
    void anUnparkBeforeParkMakesItReturnAtOnce() throws Exception {
        parker.unpark();

        parkOnAnotherThread();

        assertThat(waitsInPark()).as("parked though an unpark came first").isFalse();
    }

    @Test
    void permitsDoNotAccumulate() throws Exception {
        parker.unpark();
        parker.unpark();
        parker.park();

        parkOnAnotherThread();

        assertThat(waitsInPark()).as("the second park waits: two unparks left one permit").isTrue();
    }

    private void parkOnAnotherThread() {
        parking = Thread.ofPlatform().name("parking").start(() -> {
            try {
                parker.park();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Whether the parking thread waits inside {@link Parker#park}; false once its park returned. */
    private boolean waitsInPark() {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (true) {
            if (parking.getState() == Thread.State.TERMINATED) return false;
            if (parking.getState() == Thread.State.WAITING && Arrays.stream(parking.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals(Parker.class.getName()))) {
                return true;
            }
            assertThat(System.nanoTime()).as("the park has waited or returned by now").isLessThan(deadline);
            Thread.yield();
        }
    }
}
