package dev.ack.reference.variants;

import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.runtime.Runtime;
import dev.ack.reference.runtime.RuntimeWaker;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;

/**
 * How the adapter makes the objects of the runtime area (chapter 10): the runtime, the executors that
 * run its tasks and the wakers its tasks' futures are polled with. Each method makes the reference's; a
 * variant overrides one.
 */
public interface RuntimeFactory {
    /** The reference's runtime, executors and wakers. */
    RuntimeFactory REFERENCE = new RuntimeFactory() {};

    /**
     * Starts the runtime of this process ({@code rt.init}).
     *
     * @return the running runtime
     * @throws EventQueueException as {@link Runtime#init()}
     */
    default Runtime init() throws EventQueueException {
        return Runtime.init();
    }

    /**
     * A new executor, for one {@code rt.block_on}.
     *
     * @param trace where it reports what it does
     * @return the executor
     */
    default Executor executor(ExecutorTrace trace) {
        return new Executor(trace);
    }

    /**
     * The runtime's waker for one poll of a task.
     *
     * @param task the executor's waker of the task
     * @return the waker the task's futures are polled with
     */
    default RuntimeWaker waker(Waker task) {
        return new RuntimeWaker(task);
    }
}
