package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.runtime.Executor;
import java.time.Duration;

/**
 * One {@code wk.block_on}: a new thread, named after the executor, with its own {@link Executor}
 * running {@code block_on} of the root coroutine. The request thread only looks in on it
 * ({@link #await}); reset {@link #stop}s it.
 */
final class ExecutorRun {
    private final ProgramEnvironment environment;
    private final Thread thread;
    private volatile String value;
    private volatile RuntimeException failure;

    ExecutorRun(String executorName, StateMachine root, ProgramEnvironment environment, Executor executor) {
        this.environment = environment;
        this.thread = Thread.ofPlatform().name(executorName).daemon().start(() -> {
            try {
                value = executor.blockOn(root);
            } catch (InterruptedException e) {
                // stopped by stop(): nobody waits for this run any more
            } catch (RuntimeException e) {
                failure = e;
            }
        });
    }

    /**
     * Waits up to {@code timeout} for {@code block_on} to return; {@code finished} false is no error.
     * The trace has the run's entries since the previous call. A run that failed throws its failure.
     */
    ObjectNode await(Duration timeout) throws InterruptedException {
        boolean finished = thread.join(timeout);
        ObjectNode result = Codec.JSON.createObjectNode().put("finished", finished);
        result.set("trace", environment.takeTrace());
        if (finished && failure != null) throw failure;
        if (finished) result.put("value", value);
        return result;
    }

    /** Stops the executor's thread: its parker's park ends with an interrupt. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
