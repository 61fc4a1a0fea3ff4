package dev.ack.protocol.coroutines;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.LeafReadyArgs;
import java.util.List;

/** The ops of area {@code coroutines} (spec/protocol.md §7.1): the runner creates coroutines and polls them itself. */
public final class CoroutinesOps {
    /** Creates a coroutine; nothing runs. */
    public static final Op<CreateArgs, CreateResult> CREATE = op("create", CreateArgs.class, CreateResult.class);
    /** Polls once. */
    public static final Op<PollArgs, PollResult> POLL = op("poll", PollArgs.class, PollResult.class);
    /** Makes a manual leaf ready. */
    public static final Op<LeafReadyArgs, Empty> LEAF_READY = op("leaf_ready", LeafReadyArgs.class, Empty.class);

    /** Every op of the area. */
    public static final List<Op<?, ?>> ALL = List.of(CREATE, POLL, LEAF_READY);

    private CoroutinesOps() {}

    private static <A, R> Op<A, R> op(String suffix, Class<A> args, Class<R> result) {
        return Op.of(Area.COROUTINES, suffix, args, result);
    }

    /**
     * The args of {@code co.create}.
     *
     * @param program the coroutine's program
     */
    public record CreateArgs(List<CoroutineInstruction> program) {}

    /**
     * The result of {@code co.create}.
     *
     * @param coroutine the new coroutine
     */
    public record CreateResult(long coroutine) {}

    /**
     * The args of {@code co.poll}.
     *
     * @param coroutine the coroutine
     */
    public record PollArgs(long coroutine) {}

    /**
     * The result of {@code co.poll}: Ready with a value, or Pending without one.
     *
     * @param ready whether the coroutine returned Ready
     * @param value its value when Ready
     * @param trace the entries since the previous {@code co.poll}
     */
    public record PollResult(boolean ready, @JsonInclude(JsonInclude.Include.NON_NULL) String value,
                             List<CoroutineTraceEntry> trace) {}
}
