package dev.ack.protocol.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One instruction of a runtime program (spec/protocol.md §7.3), which the adapter turns into the
 * language's own async code: the coroutine programs' instructions of §7 without {@code poll_detached}
 * and {@code keep_waker}, plus {@code append} and {@code enter_other_runtime}. Values and locals are
 * strings; texts are templated ({@code {x}} is local {@code x}, {@code {buffer}} the task's buffer). On
 * the wire the kind is the {@code do} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "do")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RuntimeInstruction.Log.class, name = "log"),
        @JsonSubTypes.Type(value = RuntimeInstruction.Set.class, name = "set"),
        @JsonSubTypes.Type(value = RuntimeInstruction.Wait.class, name = "wait"),
        @JsonSubTypes.Type(value = RuntimeInstruction.Create.class, name = "create"),
        @JsonSubTypes.Type(value = RuntimeInstruction.JoinAll.class, name = "join_all"),
        @JsonSubTypes.Type(value = RuntimeInstruction.Return.class, name = "return"),
        @JsonSubTypes.Type(value = RuntimeInstruction.Spawn.class, name = "spawn"),
        @JsonSubTypes.Type(value = RuntimeInstruction.Append.class, name = "append"),
        @JsonSubTypes.Type(value = RuntimeInstruction.EnterOtherRuntime.class, name = "enter_other_runtime")})
public sealed interface RuntimeInstruction {

    /**
     * Appends a {@code log} trace entry.
     *
     * @param text the templated text
     */
    record Log(String text) implements RuntimeInstruction {}

    /**
     * Sets a local.
     *
     * @param var   the local
     * @param value its templated value
     */
    record Set(String var, String value) implements RuntimeInstruction {}

    /**
     * Waits on a new leaf future or on a created child: exactly one of {@code leaf} and {@code child}.
     *
     * @param leaf  the leaf to wait on
     * @param child the created child to wait on
     * @param into  the local that gets the value, if any
     */
    record Wait(@JsonInclude(JsonInclude.Include.NON_NULL) RuntimeLeaf leaf,
                @JsonInclude(JsonInclude.Include.NON_NULL) String child,
                @JsonInclude(JsonInclude.Include.NON_NULL) String into) implements RuntimeInstruction {

        /**
         * Waits on {@code leaf}.
         *
         * @param leaf the leaf
         * @param into the local for its value, or null
         * @return the instruction
         */
        public static Wait forLeaf(RuntimeLeaf leaf, String into) {
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
     * Creates a child and keeps it under {@code name}; no work starts.
     *
     * @param name    the child's name
     * @param program the child's program
     */
    record Create(String name, List<RuntimeInstruction> program) implements RuntimeInstruction {}

    /**
     * Waits on all the created children together; the value is their values joined with {@code ,}.
     *
     * @param children the children
     * @param into     the local for the value, if any
     */
    record JoinAll(List<String> children, @JsonInclude(JsonInclude.Include.NON_NULL) String into)
            implements RuntimeInstruction {}

    /**
     * Ends the task or child with a value (a spawned task's value is dropped).
     *
     * @param value the templated value
     */
    record Return(String value) implements RuntimeInstruction {}

    /**
     * Spawns the created child as a new task on the current executor, fire and forget.
     *
     * @param child the child
     */
    record Spawn(String child) implements RuntimeInstruction {}

    /**
     * Appends to the task's buffer through the reference to it the task took before its first
     * instruction and keeps across every wait.
     *
     * @param text the templated text
     */
    record Append(String text) implements RuntimeInstruction {}

    /** Enters the context of the other runtime for the rest of the task. */
    record EnterOtherRuntime() implements RuntimeInstruction {}
}
