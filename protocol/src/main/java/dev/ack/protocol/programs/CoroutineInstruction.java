package dev.ack.protocol.programs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One instruction of a coroutine program (spec/protocol.md §7), the programs that areas
 * {@code coroutines} and {@code wakers} turn into real coroutines. Values and locals are strings;
 * texts are templated ({@code {x}} is local {@code x}). On the wire the kind is the {@code do} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "do")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CoroutineInstruction.Log.class, name = "log"),
        @JsonSubTypes.Type(value = CoroutineInstruction.Set.class, name = "set"),
        @JsonSubTypes.Type(value = CoroutineInstruction.Wait.class, name = "wait"),
        @JsonSubTypes.Type(value = CoroutineInstruction.Create.class, name = "create"),
        @JsonSubTypes.Type(value = CoroutineInstruction.JoinAll.class, name = "join_all"),
        @JsonSubTypes.Type(value = CoroutineInstruction.Return.class, name = "return"),
        @JsonSubTypes.Type(value = CoroutineInstruction.Spawn.class, name = "spawn"),
        @JsonSubTypes.Type(value = CoroutineInstruction.PollDetached.class, name = "poll_detached"),
        @JsonSubTypes.Type(value = CoroutineInstruction.KeepWaker.class, name = "keep_waker"),
        @JsonSubTypes.Type(value = CoroutineInstruction.YieldNow.class, name = "yield_now"),
        @JsonSubTypes.Type(value = CoroutineInstruction.YieldUntilSleep.class, name = "yield_until_sleep")})
public sealed interface CoroutineInstruction {

    /**
     * Appends a {@code log} trace entry.
     *
     * @param text the templated text
     */
    record Log(String text) implements CoroutineInstruction {}

    /**
     * Sets a local.
     *
     * @param var   the local
     * @param value its templated value
     */
    record Set(String var, String value) implements CoroutineInstruction {}

    /**
     * Waits on a new leaf future or on a created child: exactly one of {@code leaf} and {@code child}.
     *
     * @param leaf  the leaf to wait on
     * @param child the created child to wait on
     * @param into  the local that gets the value, if any
     */
    record Wait(@JsonInclude(JsonInclude.Include.NON_NULL) CoroutineLeaf leaf,
                @JsonInclude(JsonInclude.Include.NON_NULL) String child,
                @JsonInclude(JsonInclude.Include.NON_NULL) String into) implements CoroutineInstruction {

        /**
         * Waits on {@code leaf}.
         *
         * @param leaf the leaf
         * @param into the local for its value, or null
         * @return the instruction
         */
        public static Wait forLeaf(CoroutineLeaf leaf, String into) {
            return new Wait(leaf, null, into);
        }

        /**
         * Waits on the created child {@code child}.
         *
         * @param child the child's name
         * @param into  the local for its value, or null
         * @return the instruction
         */
        public static Wait forChild(String child, String into) {
            return new Wait(null, child, into);
        }
    }

    /**
     * Creates a child coroutine and keeps it under {@code name}; no work starts.
     *
     * @param name    the child's name
     * @param program the child's program
     */
    record Create(String name, List<CoroutineInstruction> program) implements CoroutineInstruction {}

    /**
     * Waits on all the created children together (the book's {@code join_all}); the value is their values
     * joined with {@code ,} in the order given.
     *
     * @param children the children
     * @param into     the local for the value, if any
     */
    record JoinAll(List<String> children, @JsonInclude(JsonInclude.Include.NON_NULL) String into)
            implements CoroutineInstruction {}

    /**
     * Ends the coroutine with a value.
     *
     * @param value the templated value
     */
    record Return(String value) implements CoroutineInstruction {}

    /**
     * Wakers only: spawns the created child as a new task on the current executor.
     *
     * @param child the child
     */
    record Spawn(String child) implements CoroutineInstruction {}

    /**
     * Wakers only: polls the created child once, here, with a waker that wakes nothing.
     *
     * @param child the child
     */
    record PollDetached(String child) implements CoroutineInstruction {}

    /**
     * Wakers only: keeps a clone of the current task's waker, for {@code wk.wake}.
     *
     * @param name the name it is kept under
     */
    record KeepWaker(String name) implements CoroutineInstruction {}

    /**
     * Wakers only: a wait that calls the task's own waker during the poll and is Pending once (the
     * {@code yield_now} pattern); the next poll goes on.
     */
    record YieldNow() implements CoroutineInstruction {}

    /**
     * Wakers only: a wait that is Pending once; the adapter calls the task's waker from another thread
     * the moment the executor next reports its {@code sleep} entry.
     */
    record YieldUntilSleep() implements CoroutineInstruction {}
}
