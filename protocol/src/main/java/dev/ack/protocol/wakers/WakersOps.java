package dev.ack.protocol.wakers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.RunProgress;
import dev.ack.protocol.programs.LeafReadyArgs;
import java.util.List;

/**
 * The ops of area {@code wakers} (spec/protocol.md §7.2): the implementation's executors and reactor run
 * coroutine programs while the runner makes leaves ready, calls kept wakers and looks in on the runs.
 */
public final class WakersOps {
    /** Starts the reactor. */
    public static final Op<Empty, Empty> REACTOR_START = op("reactor_start", Empty.class, Empty.class);
    /** Starts {@code block_on(program)} on a new executor thread; replies at once. */
    public static final Op<BlockOnArgs, BlockOnResult> BLOCK_ON = op("block_on", BlockOnArgs.class, BlockOnResult.class);
    /** Waits a while for a run to finish. */
    public static final Op<RunWaitArgs, RunWaitResult> RUN_WAIT = op("run_wait", RunWaitArgs.class, RunWaitResult.class);
    /** Makes a manual leaf ready and calls the waker it keeps. */
    public static final Op<LeafReadyArgs, Empty> LEAF_READY = op("leaf_ready", LeafReadyArgs.class, Empty.class);
    /** Calls a kept waker from the request thread. */
    public static final Op<WakeArgs, Empty> WAKE = op("wake", WakeArgs.class, Empty.class);
    /** Creates a parker. */
    public static final Op<Empty, ParkerNewResult> PARKER_NEW = op("parker_new", Empty.class, ParkerNewResult.class);
    /** Unparks a parker. */
    public static final Op<ParkerArgs, Empty> UNPARK = op("unpark", ParkerArgs.class, Empty.class);
    /** Parks the request thread until unparked. */
    public static final Op<ParkArgs, Empty> PARK = op("park", ParkArgs.class, Empty.class);

    /** Every op of the area. */
    public static final List<Op<?, ?>> ALL = List.of(REACTOR_START, BLOCK_ON, RUN_WAIT, LEAF_READY, WAKE, PARKER_NEW, UNPARK, PARK);

    private WakersOps() {}

    private static <A, R> Op<A, R> op(String suffix, Class<A> args, Class<R> result) {
        return Op.of(Area.WAKERS, suffix, args, result);
    }

    /**
     * The args of {@code wk.block_on}.
     *
     * @param program  the root task's program
     * @param executor the executor thread's name; absent: {@code main}
     */
    public record BlockOnArgs(List<CoroutineInstruction> program, @JsonInclude(JsonInclude.Include.NON_NULL) String executor) {}

    /**
     * The result of {@code wk.block_on}.
     *
     * @param run the new run
     */
    public record BlockOnResult(long run) {}

    /**
     * The args of {@code wk.run_wait}.
     *
     * @param run       the run
     * @param timeoutMs how long to wait at most
     */
    public record RunWaitArgs(long run, long timeoutMs) {}

    /**
     * The result of {@code wk.run_wait}.
     *
     * @param finished whether {@code block_on} returned
     * @param value    its value when finished
     * @param trace    the run's entries since the previous {@code wk.run_wait}
     */
    public record RunWaitResult(boolean finished, @JsonInclude(JsonInclude.Include.NON_NULL) String value,
                                List<CoroutineTraceEntry> trace) implements RunProgress {}

    /**
     * The args of {@code wk.wake}.
     *
     * @param name the name a {@code keep_waker} kept the waker under
     */
    public record WakeArgs(String name) {}

    /**
     * The result of {@code wk.parker_new}.
     *
     * @param parker the new parker
     */
    public record ParkerNewResult(long parker) {}

    /**
     * The args of {@code wk.unpark}.
     *
     * @param parker the parker
     */
    public record ParkerArgs(long parker) {}

    /**
     * The args of {@code wk.park}.
     *
     * @param parker        the parker
     * @param unparkAfterMs when present, another thread unparks it after this delay
     */
    public record ParkArgs(long parker, @JsonInclude(JsonInclude.Include.NON_NULL) Long unparkAfterMs) {}
}
