package dev.ack.protocol.pinning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import java.util.List;

/**
 * The ops of area {@code pinning} (spec/pinning.md, "Protocol"): self-referential values at real addresses,
 * moved, swapped and pinned at the runner's request, and the book's buffer coroutine run by an executor.
 */
public final class PinningOps {
    /** Creates a value, pinned or not. */
    public static final Op<NewArgs, ValueArgs> NEW = op("new", NewArgs.class, ValueArgs.class);
    /** Points the value's {@code b} at its own {@code a} (the book's {@code init}). */
    public static final Op<ValueArgs, Empty> INIT = op("init", ValueArgs.class, Empty.class);
    /** Reports a value's fields and addresses. */
    public static final Op<ValueArgs, ReadResult> READ = op("read", ValueArgs.class, ReadResult.class);
    /** Writes through the value's self-reference. */
    public static final Op<WriteThroughArgs, Empty> WRITE_THROUGH = op("write_through", WriteThroughArgs.class, Empty.class);
    /** Moves a value to a new place, unless its pin refuses. */
    public static final Op<ValueArgs, MoveResult> MOVE = op("move", ValueArgs.class, MoveResult.class);
    /** Moves a value even when it is pinned: the escape hatch. */
    public static final Op<ValueArgs, MoveResult> MOVE_UNCHECKED = op("move_unchecked", ValueArgs.class, MoveResult.class);
    /** Swaps two values in place, unless a pin refuses. */
    public static final Op<SwapArgs, Empty> SWAP = op("swap", SwapArgs.class, Empty.class);
    /** Replaces a field through the value's pin projection. */
    public static final Op<ReplaceFieldArgs, Empty> REPLACE_FIELD = op("replace_field", ReplaceFieldArgs.class, Empty.class);
    /** Ends the scope of a scoped pin. */
    public static final Op<ValueArgs, Empty> SCOPE_END = op("scope_end", ValueArgs.class, Empty.class);
    /** Drops a value and frees its places. */
    public static final Op<ValueArgs, Empty> DROP = op("drop", ValueArgs.class, Empty.class);
    /** Counts the blocks of memory the area holds. */
    public static final Op<Empty, LiveResult> LIVE = op("live", Empty.class, LiveResult.class);
    /** Runs the book's buffer coroutine on a new executor. */
    public static final Op<RunArgs, RunResult> RUN = op("run", RunArgs.class, RunResult.class);

    /** Every op of the area. */
    public static final List<Op<?, ?>> ALL = List.of(NEW, INIT, READ, WRITE_THROUGH, MOVE, MOVE_UNCHECKED, SWAP,
            REPLACE_FIELD, SCOPE_END, DROP, LIVE, RUN);

    private PinningOps() {}

    private static <A, R> Op<A, R> op(String suffix, Class<A> args, Class<R> result) {
        return Op.of(Area.PINNING, suffix, args, result);
    }

    /** How long a new value is pinned, and where. */
    public enum Pinning {
        /** Pinned on the heap until it is dropped (the book's {@code Box::pin}). */
        @JsonProperty("heap") HEAP,
        /** Pinned until its scope ends; needs capability {@code scoped-pinning}. */
        @JsonProperty("scope") SCOPE,
        /** Not pinned. */
        @JsonProperty("none") NONE
    }

    /** A field of a value, as its pin projection exposes it. */
    public enum Field {
        /** The self-referential part ({@code a} and {@code b}): projected pinned. */
        @JsonProperty("inner") INNER,
        /** The plain field: projected as a plain reference. */
        @JsonProperty("label") LABEL
    }

    /** The executor {@code pn.run} uses. */
    public enum Executor {
        /** The book's {@code ch09/b}: places the task in its box, then polls it. */
        @JsonProperty("boxing") BOXING,
        /** The book's {@code ch09/c}: polls the root once where it stands, then moves it into the task list. */
        @JsonProperty("shortcut") SHORTCUT
    }

    /**
     * The args of {@code pn.new}.
     *
     * @param pinning how it is pinned
     * @param movable whether the value is movable; absent: not movable
     */
    public record NewArgs(Pinning pinning, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean movable) {}

    /**
     * A value: the args of the ops on one value, and the result of {@code pn.new}.
     *
     * @param value the value's handle
     */
    public record ValueArgs(long value) {}

    /**
     * The result of {@code pn.read}.
     *
     * @param address  the value's place
     * @param a        its field {@code a}
     * @param aAddress the address of {@code a}
     * @param b        where {@code b} points; null when unset
     * @param throughB the integer at {@code b}; null when {@code b} is
     * @param label    its plain field
     */
    public record ReadResult(long address, long a, long aAddress, Long b, Long throughB, long label) {}

    /**
     * The args of {@code pn.write_through}.
     *
     * @param value  the value
     * @param number what to write at {@code b}
     */
    public record WriteThroughArgs(long value, long number) {}

    /**
     * The result of {@code pn.move} and {@code pn.move_unchecked}.
     *
     * @param address the value's new place
     */
    public record MoveResult(long address) {}

    /**
     * The args of {@code pn.swap}.
     *
     * @param value one value
     * @param other the other
     */
    public record SwapArgs(long value, long other) {}

    /**
     * The args of {@code pn.replace_field}.
     *
     * @param value  the value
     * @param field  the field, through its projection
     * @param number the new {@code label}, or the new {@code a} (with {@code b} null) for {@code inner}
     */
    public record ReplaceFieldArgs(long value, Field field, long number) {}

    /**
     * The result of {@code pn.live}.
     *
     * @param blocks how many blocks of memory the area holds
     */
    public record LiveResult(long blocks) {}

    /**
     * The args of {@code pn.run}.
     *
     * @param executor  the executor
     * @param responses what the program's two waits deliver
     * @param movable   whether the buffer coroutine is marked movable; absent: not movable
     * @param inChild   whether the buffer coroutine runs as a child of the root; absent: it is the root
     */
    public record RunArgs(Executor executor, List<String> responses,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean movable,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean inChild) {}

    /**
     * The result of {@code pn.run}.
     *
     * @param value           the buffer coroutine's value: its buffer
     * @param polls           the buffer coroutine's address at each of its polls
     * @param rootPolls       the root task's address at each of its polls
     * @param shortcutApplied whether the root was polled before it was placed in the task list
     * @param requeued        how often the root was put back into the task collection after a Pending poll
     */
    public record RunResult(String value, List<Long> polls, List<Long> rootPolls, boolean shortcutApplied, long requeued) {}
}
