package dev.ack.benchmarks;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.Token;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Cross-thread wake-to-poll latency, p50 in µs: from a {@code wake()} on this thread to the moment the
 * sleeping thread runs again. The reference executor (chapter 8) parked with nothing ready, woken by a
 * task's waker, until the task's poll starts; and the floor: a thread blocked in {@code epoll_wait} on
 * an eventfd, woken by a write to it (the reference event queue's {@code Waker}, through JNA), until
 * {@code epoll_wait} returns. The two take turns in blocks of {@value #BLOCK} wakes. Before each wake
 * this thread waits {@value #SETTLE_MICROS} µs, so that the other is asleep and not about to be.
 * Not JMH: JMH times what one thread does, and this is one thread's wake seen by another.
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar dev.ack.benchmarks.WakeLatency [BLOCKS]}
 * prints {@code executor <p50 µs> eventfd <p50 µs>}.
 */
public final class WakeLatency {
    private static final int BLOCK = 200;
    private static final long SETTLE_MICROS = 200;

    /** When the last wake was sent (nanoTime), written before the wake. */
    private static volatile long wokenAt;

    private WakeLatency() {}

    /**
     * Measures both, in turns, and prints their medians.
     *
     * @param args how many blocks of each (default 10)
     * @throws Exception when a thread or the event queue fails
     */
    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long[] executor = new long[blocks * BLOCK];
        long[] eventFd = new long[blocks * BLOCK];
        for (int block = 0; block < blocks + 1; block++) {
            // the first block of each warms up and is measured again
            int from = Math.max(0, block - 1) * BLOCK;
            executorWakes(executor, from);
            eventFdWakes(eventFd, from);
        }
        System.out.printf("executor %.2f eventfd %.2f%n", median(executor), median(eventFd));
    }

    /** A task that leaves its waker here and is pending until it has been woken {@value #BLOCK} times. */
    private static void executorWakes(long[] latencies, int from) throws InterruptedException {
        AtomicReference<Waker> parked = new AtomicReference<>();
        Thread sleeper = Thread.ofPlatform().start(() -> {
            int[] polls = {0};
            try {
                new Executor(ExecutorTrace.NONE).blockOn(waker -> {
                    if (polls[0] > 0) latencies[from + polls[0] - 1] = System.nanoTime() - wokenAt;
                    if (polls[0]++ == BLOCK) return PollState.ready("done");
                    parked.set(waker);
                    return PollState.pending();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int wake = 0; wake < BLOCK; wake++) {
            Waker waker;
            while ((waker = parked.getAndSet(null)) == null) Thread.onSpinWait();
            settle();
            wokenAt = System.nanoTime();
            waker.wake();
        }
        sleeper.join();
    }

    /** A thread that waits in the poll, and says when it is about to wait again. */
    private static void eventFdWakes(long[] latencies, int from) throws Exception {
        try (Poll poll = new Poll()) {
            dev.ack.reference.eventqueue.Waker waker = new dev.ack.reference.eventqueue.Waker(poll.registry(), new Token(0));
            AtomicReference<Boolean> waiting = new AtomicReference<>();
            Thread sleeper = Thread.ofPlatform().start(() -> {
                try {
                    Events events = Events.withCapacity(1);
                    for (int wake = 0; wake < BLOCK; wake++) {
                        waiting.set(true);
                        poll.poll(events, null);
                        latencies[from + wake] = System.nanoTime() - wokenAt;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int wake = 0; wake < BLOCK; wake++) {
                while (waiting.getAndSet(null) == null) Thread.onSpinWait();
                settle();
                wokenAt = System.nanoTime();
                waker.wake();
            }
            sleeper.join();
        }
    }

    private static void settle() {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(SETTLE_MICROS));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1000.0;
    }
}
