package dev.ack.protocol.programs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of the trace of a coroutine program (spec/protocol.md §7), in the results of
 * {@code co.poll} and {@code wk.run_wait}; {@code task} and {@code executor} appear only in area
 * {@code wakers}. On the wire its kind is the {@code event} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CoroutineTraceEntry.Log.class, name = "log"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.LeafStarted.class, name = "leaf-started"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.LeafPolled.class, name = "leaf-polled"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.Spawned.class, name = "spawned"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.TaskPolled.class, name = "task-polled"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.TaskFinished.class, name = "task-finished"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.Wake.class, name = "wake"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.Sleep.class, name = "sleep"),
        @JsonSubTypes.Type(value = CoroutineTraceEntry.AllFinished.class, name = "all-finished")})
public sealed interface CoroutineTraceEntry {

    /** An entry an executor wrote, which names it by its thread. */
    sealed interface OfExecutor extends CoroutineTraceEntry {
        /** {@return the executor's name} */
        String executor();
    }

    /** An entry about one task. */
    sealed interface OfTask extends CoroutineTraceEntry {
        /** {@return the task: the root is 0, others are numbered in spawn order} */
        long task();
    }

    /**
     * A {@code log} instruction ran.
     *
     * @param text the logged text
     * @param task the task that ran it (wakers only)
     */
    record Log(String text, @JsonInclude(JsonInclude.Include.NON_NULL) Long task) implements CoroutineTraceEntry {}

    /**
     * A leaf's first poll started its work (for http: the request was sent).
     *
     * @param leaf the leaf's name
     */
    record LeafStarted(String leaf) implements CoroutineTraceEntry {}

    /**
     * A leaf was polled.
     *
     * @param leaf  the leaf's name
     * @param ready whether it was Ready
     */
    record LeafPolled(String leaf, boolean ready) implements CoroutineTraceEntry {}

    /**
     * A task was spawned, the root too.
     *
     * @param executor the executor
     * @param task     the task
     */
    record Spawned(String executor, long task) implements OfExecutor, OfTask {}

    /**
     * An executor polled a task.
     *
     * @param executor the executor
     * @param task     the task
     */
    record TaskPolled(String executor, long task) implements OfExecutor, OfTask {}

    /**
     * A task returned Ready and was dropped.
     *
     * @param executor the executor
     * @param task     the task
     */
    record TaskFinished(String executor, long task) implements OfExecutor, OfTask {}

    /**
     * A waker of the task was called, from any thread.
     *
     * @param task the task
     */
    record Wake(long task) implements OfTask {}

    /**
     * The executor found no ready task and is about to sleep.
     *
     * @param executor the executor
     * @param pending  how many tasks are unfinished
     */
    record Sleep(String executor, long pending) implements OfExecutor {}

    /**
     * {@code block_on} is about to return.
     *
     * @param executor the executor
     */
    record AllFinished(String executor) implements OfExecutor {}
}
