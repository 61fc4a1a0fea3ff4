package dev.ack.protocol.fibers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import java.util.List;

/** The ops of area {@code fibers} (spec/protocol.md §6), with the records of their args and results. */
public final class FibersOps {
    /** Creates a runtime and makes it the current one of the adapter's thread (the book's {@code init}). */
    public static final Op<RuntimeNewArgs, RuntimeNewResult> RUNTIME_NEW = op("runtime_new", RuntimeNewArgs.class, RuntimeNewResult.class);
    /** Runs a program on the base context, then the runtime until no context is ready. */
    public static final Op<RunArgs, RunResult> RUN = op("run", RunArgs.class, RunResult.class);
    /** Calls {@code yield} or {@code spawn} with no runtime initialised on the thread. */
    public static final Op<CallOutsideRuntimeArgs, Empty> CALL_OUTSIDE_RUNTIME =
            op("call_outside_runtime", CallOutsideRuntimeArgs.class, Empty.class);

    /** Every op of the area. */
    public static final List<Op<?, ?>> ALL = List.of(RUNTIME_NEW, RUN, CALL_OUTSIDE_RUNTIME);

    private FibersOps() {}

    private static <A, R> Op<A, R> op(String suffix, Class<A> args, Class<R> result) {
        return Op.of(Area.FIBERS, suffix, args, result);
    }

    /**
     * The args of {@code fb.runtime_new}; an absent value takes the book's default.
     *
     * @param slots     how many contexts, the base context included (default 4); below 1 the implementation rejects it
     * @param stackSize each fiber's stack in bytes (default 2 MiB); below 1 the implementation rejects it
     */
    public record RuntimeNewArgs(@JsonInclude(JsonInclude.Include.NON_NULL) Integer slots,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Long stackSize) {}

    /**
     * The result of {@code fb.runtime_new}.
     *
     * @param runtime the new runtime
     */
    public record RuntimeNewResult(long runtime) {}

    /**
     * The args of {@code fb.run}.
     *
     * @param runtime the runtime
     * @param program what the base context runs
     */
    public record RunArgs(long runtime, List<FiberInstruction> program) {}

    /**
     * The result of {@code fb.run}.
     *
     * @param trace what happened, in order
     */
    public record RunResult(List<FiberTraceEntry> trace) {}

    /** An operation of the implementation that needs a runtime. */
    public enum Call {
        /** The book's {@code yield_thread}. */
        @JsonProperty("yield") YIELD,
        /** The book's {@code spawn}. */
        @JsonProperty("spawn") SPAWN
    }

    /**
     * The args of {@code fb.call_outside_runtime}.
     *
     * @param call what to call
     */
    public record CallOutsideRuntimeArgs(Call call) {}
}
