package dev.ack.reference.coroutines;

import java.util.List;

/**
 * One instruction of a coroutine program (spec/protocol.md §7). Values and locals are strings;
 * {@code text} and {@code value} are templates in which {@code {x}} stands for local {@code x}. An
 * {@code into} of null drops the value waited for.
 */
public sealed interface Instruction {
    /**
     * Logs a line.
     *
     * @param text a template
     */
    record Log(String text) implements Instruction {}

    /**
     * Sets a local.
     *
     * @param var the local
     * @param value a template
     */
    record Set(String var, String value) implements Instruction {}

    /**
     * Creates a child coroutine and keeps it by name; nothing of it runs yet.
     *
     * @param name the name it is kept under
     * @param program the child's instructions
     */
    record Create(String name, List<Instruction> program) implements Instruction {}

    /**
     * Wakers area only: spawns the created child as a new task on the current executor.
     *
     * @param child the created child's name
     */
    record Spawn(String child) implements Instruction {}

    /**
     * Wakers area only: polls the created child once, here, with a waker that wakes nothing (chapter 9).
     *
     * @param child the created child's name
     */
    record PollDetached(String child) implements Instruction {}

    /**
     * Wakers area only: keeps the current task's waker by name, for the runner to call.
     *
     * @param name the name the runner calls it by
     */
    record KeepWaker(String name) implements Instruction {}

    /** Where a state's code ends: at a wait (the next state begins) or at the return (Resolved). */
    sealed interface Exit extends Instruction {}

    /**
     * Ends the coroutine, Ready with a value.
     *
     * @param value a template
     */
    record Return(String value) implements Exit {}

    /** A wait point: the coroutine may stop here and resume in a later poll. */
    sealed interface Wait extends Exit {
        /**
         * The local the value waited for goes into.
         *
         * @return the local's name; null drops the value
         */
        String into();
    }

    /**
     * Waits on a leaf.
     *
     * @param leaf the leaf
     * @param into the local its value goes into, or null
     */
    record WaitLeaf(Leaf leaf, String into) implements Wait {}

    /**
     * Waits on a created child, which is handed over to this wait.
     *
     * @param child the created child's name
     * @param into the local its value goes into, or null
     */
    record WaitChild(String child, String into) implements Wait {}

    /**
     * Wakers area only: is Pending once, the task having called its own waker during the poll (the
     * {@code yield_now} pattern); the next poll goes on. It delivers no value.
     */
    record YieldNow() implements Wait {
        @Override
        public String into() {
            return null;
        }
    }

    /**
     * Wakers area only: is Pending once; the task's waker is called from another thread the moment its
     * executor next reports that it goes to sleep. It delivers no value.
     */
    record YieldUntilSleep() implements Wait {
        @Override
        public String into() {
            return null;
        }
    }

    /**
     * Waits on several created children together; the value is theirs joined with {@code ,} in this order.
     *
     * @param children the created children's names
     * @param into the local the joined value goes into, or null
     */
    record JoinAll(List<String> children, String into) implements Wait {}
}
