package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;

import java.util.List;

/**
 * A wakers case: the root task's program, and what the runner does while the executor runs it, in
 * batches: the actions of one batch go out back to back, and between batches the runner lets the executor
 * get on for a moment. The first batch goes out once the executor has first gone to sleep (or the run
 * ended), so every waker the root keeps before its first wait is kept by then.
 *
 * @param program the root's program; log texts begin with the name of the coroutine that logs them, as
 *                in {@link CoroutineCase}
 * @param batches what the runner does; every manual leaf of the program is made ready in one of them
 * @param wakesCounted whether both sides report every call of a waker (capability wake-reports, WK-22), so
 *                     that a task's polls can be counted against its wakes
 */
record WakerCase(List<CoroutineInstruction> program, List<List<Action>> batches, boolean wakesCounted) {

    /** One thing the runner does to a run. */
    sealed interface Action {
        /**
         * {@code wk.leaf_ready}.
         *
         * @param leaf  the manual leaf
         * @param value its value
         */
        record Ready(String leaf, String value) implements Action {}

        /**
         * {@code wk.wake} of a waker the root kept.
         *
         * @param waker its name
         */
        record Wake(String waker) implements Action {}
    }
}
