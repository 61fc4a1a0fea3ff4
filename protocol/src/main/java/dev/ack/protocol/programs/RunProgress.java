package dev.ack.protocol.programs;

import java.util.List;

/**
 * What a wait on a run of an implementation's executor reports ({@code wk.run_wait},
 * {@code rt.run_wait}): whether the run finished, and the trace entries since the previous wait.
 */
public interface RunProgress {
    /**
     * Whether {@code block_on} returned.
     *
     * @return whether it did
     */
    boolean finished();

    /**
     * The run's entries since the previous wait, in the order they happened.
     *
     * @return them, or null for none
     */
    List<CoroutineTraceEntry> trace();
}
