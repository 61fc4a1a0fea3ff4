package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import dev.ack.reference.wakers.Reactor;

/**
 * How the adapter makes the objects of the wakers area (chapter 8): the coroutines it runs, as
 * chapter 7 makes them, and the executors and the reactor that run them. Each method makes the
 * reference's; a variant overrides one.
 */
public interface WakersFactory extends CoroutinesFactory {
    /** The reference's wakers, reactor and executor. */
    WakersFactory REFERENCE = new WakersFactory() {};

    /**
     * A new executor, for one {@code wk.block_on}.
     *
     * @param trace where it reports what it does
     * @return the executor
     */
    default Executor executor(ExecutorTrace trace) {
        return new Executor(trace);
    }

    /**
     * Starts the reactor of this process ({@code wk.reactor_start}).
     *
     * @return the running reactor
     * @throws EventQueueException as {@link Reactor#start()}
     */
    default Reactor reactor() throws EventQueueException {
        return Reactor.start();
    }
}
