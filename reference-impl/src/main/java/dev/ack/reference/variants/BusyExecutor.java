package dev.ack.reference.variants;

import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import java.util.Set;

/**
 * {@code busy-executor}: an executor that does not wait for wakes: it polls the unfinished tasks in
 * turn, woken or not, as chapter 7's runner polls its futures in a loop. It never sleeps, so every
 * scenario that counts polls or waits for a {@code sleep} entry fails, whatever rule it is about.
 */
final class BusyExecutor extends Executor {
    static final KnownBadVariant VARIANT = KnownBadVariant.wakers("busy-executor",
            "the executor does not wait for wakes: it polls every unfinished task again and again",
            Set.of("WK-01", "WK-02", "WK-03", "WK-06", "WK-07", "WK-10", "WK-11",
                    "WK-15", "WK-16", "WK-22"), new WakersFactory() {
                @Override
                public Executor executor(ExecutorTrace trace) {
                    return new BusyExecutor(trace);
                }
            });

    /** The task polled last; -1 before the first. */
    private int last = -1;

    private BusyExecutor(ExecutorTrace trace) {
        super(trace);
    }

    /**
     * The next pending task after the one polled last, in the order of their ids; after the last of
     * them, the first again. It pauses 1 ms a poll only so that its trace, hundreds of polls a second,
     * stays small enough to read and send (a pause a round let 300 tasks fill it faster than the
     * runner could read it, and the scenario timed out instead of failing).
     */
    @Override
    protected int nextReady() throws InterruptedException {
        Thread.sleep(1);
        do {
            last = (last + 1) % spawnedCount();
        } while (!isUnfinished(last));
        return last;
    }
}
