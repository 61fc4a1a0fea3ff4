package dev.ack.protocol.fibers;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One instruction of a fibers program (spec/protocol.md §6), run in order by the context that runs
 * the program; on the wire its kind is the {@code do} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "do")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FiberInstruction.Log.class, name = "log"),
        @JsonSubTypes.Type(value = FiberInstruction.Yield.class, name = "yield"),
        @JsonSubTypes.Type(value = FiberInstruction.Set.class, name = "set"),
        @JsonSubTypes.Type(value = FiberInstruction.Add.class, name = "add"),
        @JsonSubTypes.Type(value = FiberInstruction.Check.class, name = "check"),
        @JsonSubTypes.Type(value = FiberInstruction.Repeat.class, name = "repeat"),
        @JsonSubTypes.Type(value = FiberInstruction.Nested.class, name = "nested"),
        @JsonSubTypes.Type(value = FiberInstruction.Spawn.class, name = "spawn"),
        @JsonSubTypes.Type(value = FiberInstruction.Spin.class, name = "spin"),
        @JsonSubTypes.Type(value = FiberInstruction.ExhaustStack.class, name = "exhaust_stack")})
public sealed interface FiberInstruction {

    /**
     * Appends a log entry.
     *
     * @param text the text; {@code {id}} is the running fiber's id, {@code {name}} the value of local {@code name}
     */
    record Log(String text) implements FiberInstruction {}

    /** Yields to the next ready context. */
    record Yield() implements FiberInstruction {}

    /**
     * Sets a local.
     *
     * @param var   the local
     * @param value its new value
     */
    record Set(String var, long value) implements FiberInstruction {}

    /**
     * Adds to a local.
     *
     * @param var   the local
     * @param value what to add
     */
    record Add(String var, long value) implements FiberInstruction {}

    /**
     * Appends a check entry when the local differs (a lost local shows up here).
     *
     * @param var    the local
     * @param equals the value it should have
     */
    record Check(String var, long equals) implements FiberInstruction {}

    /**
     * Runs {@code body} {@code times} times with local {@code var} = 0, 1, …
     *
     * @param times how often
     * @param var   the counting local
     * @param body  what to repeat
     */
    record Repeat(long times, String var, List<FiberInstruction> body) implements FiberInstruction {}

    /**
     * Runs {@code body} {@code depth} real frames deep, with the same locals.
     *
     * @param depth how many frames
     * @param body  what runs at the bottom
     */
    record Nested(int depth, List<FiberInstruction> body) implements FiberInstruction {}

    /**
     * Spawns a fiber whose program is {@code body}; it does not run yet.
     *
     * @param body the new fiber's program
     */
    record Spawn(List<FiberInstruction> body) implements FiberInstruction {}

    /**
     * Busy work without yielding.
     *
     * @param iterations how many rounds
     */
    record Spin(long iterations) implements FiberInstruction {}

    /**
     * Recurses, each frame holding a buffer of {@code frameBytes}, until the stack is exhausted.
     *
     * @param frameBytes the buffer of each frame
     */
    record ExhaustStack(int frameBytes) implements FiberInstruction {}
}
