package dev.ack.reference.variants;

import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import dev.ack.reference.wakers.Parker;
import java.util.Set;

/**
 * {@code busy-runtime}: an executor that, with no task ready, spins until a waker leaves its permit
 * instead of sleeping in the OS. It polls exactly what the reference polls, in the same order, and
 * reports the same {@code sleep}; only the CPU it burns while every task waits gives it away.
 */
final class BusyRuntime extends Executor {
    static final KnownBadVariant VARIANT = KnownBadVariant.runtime("busy-runtime",
            "the executor spins on its ready queue instead of parking while no task is ready",
            Set.of("RT-12"), new RuntimeFactory() {
                @Override
                public Executor executor(ExecutorTrace trace) {
                    return new BusyRuntime(trace);
                }
            });

    private BusyRuntime(ExecutorTrace trace) {
        super(trace);
    }

    @Override
    protected void park(Parker parker) throws InterruptedException {
        while (!parker.takePermit()) {
            if (Thread.interrupted()) throw new InterruptedException();
            Thread.onSpinWait();
        }
    }
}
