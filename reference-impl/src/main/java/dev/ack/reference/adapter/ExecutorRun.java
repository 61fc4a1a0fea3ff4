package dev.ack.reference.adapter;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.reference.coroutines.Future;
import dev.ack.reference.wakers.Executor;
import java.time.Duration;
import java.util.List;

/**
 * One {@code wk.block_on} or {@code rt.block_on}: a new thread, named after the executor, with its own
 * {@link Executor} running {@code block_on} of the root task. The request thread only looks in on it
 * ({@link #await}); reset {@link #stop}s it.
 */
final class ExecutorRun {
    /**
     * What {@link #await} saw.
     *
     * @param finished whether {@code block_on} returned
     * @param value the root's value once it did, else null
     * @param trace the run's entries since the previous look
     */
    record Look(boolean finished, String value, List<CoroutineTraceEntry> trace) {}

    private final ProgramEnvironment environment;
    private final Thread thread;
    private volatile String value;
    private volatile RuntimeException failure;

    ExecutorRun(String executorName, Future<String> root, ProgramEnvironment environment, Executor executor) {
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
    Look await(Duration timeout) throws InterruptedException {
        boolean finished = thread.join(timeout);
        List<CoroutineTraceEntry> trace = environment.takeTrace();
        if (finished && failure != null) throw failure;
        return new Look(finished, finished ? value : null, trace);
    }

    /** Stops the executor's thread: its parker's park ends with an interrupt. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
