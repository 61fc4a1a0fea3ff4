package dev.ack.reference.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The parker's one binary permit (the book's parker-bonus). */
class ParkerTest {
    private final Parker parker = new Parker();

    @Test
    void parkWaitsForAnUnparkFromAnotherThread() throws Exception {
        long start = System.nanoTime();
        Thread.ofPlatform().start(() -> {
            sleep(200);
            parker.unpark();
        });

        parker.park();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(190);
    }

    @Test
    void anUnparkBeforeParkMakesItReturnAtOnce() throws Exception {
        parker.unpark();

        assertThat(parkReturnsWithin(1_000)).isTrue();
    }

    @Test
    void permitsDoNotAccumulate() throws Exception {
        parker.unpark();
        parker.unpark();
        parker.park();

        assertThat(parkReturnsWithin(200)).isFalse();
    }

    /** Parks on another thread; whether that park returned within {@code millis}. Unparks it either way. */
    private boolean parkReturnsWithin(long millis) throws Exception {
        CompletableFuture<Void> parked = CompletableFuture.runAsync(() -> {
            try {
                parker.park();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            parked.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } finally {
            parker.unpark();
            parked.get(5, TimeUnit.SECONDS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
