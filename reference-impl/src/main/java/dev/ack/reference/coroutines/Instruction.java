package dev.ack.reference.coroutines;

import java.util.List;

/**
 * One instruction of a coroutine program (spec/protocol.md §7). Values and locals are strings;
 * {@code text} and {@code value} are templates in which {@code {x}} stands for local {@code x}. An
 * {@code into} of null drops the value waited for.
 */
public sealed interface Instruction {
    record Log(String text) implements Instruction {}

    record Set(String var, String value) implements Instruction {}

    /** Creates a child coroutine from {@code program} and keeps it under {@code name}; nothing of it runs yet. */
    record Create(String name, List<Instruction> program) implements Instruction {}

    /** Wakers area only: spawns the created child as a new task on the current executor. */
    record Spawn(String child) implements Instruction {}

    /** Wakers area only: polls the created child once, here, with a waker that wakes nothing (chapter 9). */
    record PollDetached(String child) implements Instruction {}

    /** Wakers area only: keeps the current task's waker under {@code name}, for the runner to call. */
    record KeepWaker(String name) implements Instruction {}

    /** Where a state's code ends: at a wait (the next state begins) or at the return (Resolved). */
    sealed interface Exit extends Instruction {}

    record Return(String value) implements Exit {}

    /** A wait point: the coroutine may stop here and resume in a later poll. */
    sealed interface Wait extends Exit {
        String into();
    }

    record WaitLeaf(Leaf leaf, String into) implements Wait {}

    record WaitChild(String child, String into) implements Wait {}

    /** Waits on several created children together; the value is theirs joined with {@code ,} in this order. */
    record JoinAll(List<String> children, String into) implements Wait {}
}
