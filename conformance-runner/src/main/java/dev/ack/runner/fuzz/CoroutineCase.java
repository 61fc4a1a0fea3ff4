package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;

import java.util.List;

/**
 * A coroutines case: a program, and the steps the runner takes on it, in order: polls of the coroutine
 * and manual leaves made ready (protocol.md §7.1).
 *
 * @param program the coroutine's program; its log texts begin with the name of the coroutine that logs
 *                them ({@link #ROOT} or a child's), so that a trace entry tells whose it is
 * @param steps   what the runner does
 */
record CoroutineCase(List<CoroutineInstruction> program, List<Step> steps) {
    /** The name log texts give the coroutine the runner creates. */
    static final String ROOT = "main";

    /** One thing the runner does. */
    sealed interface Step {
        /** {@code co.poll} of the coroutine. */
        record Poll() implements Step {}

        /**
         * {@code co.leaf_ready}.
         *
         * @param leaf  the manual leaf
         * @param value its value
         */
        record Ready(String leaf, String value) implements Step {}
    }
}
