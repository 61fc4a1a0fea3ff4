package dev.ack.protocol.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.RunProgress;
import java.util.List;

/**
 * The ops of area {@code runtime} (spec/protocol.md §7.3): a runtime started once runs programs turned
 * into the language's own async code on executor threads that share its reactor, while the runner makes
 * leaves ready, looks in on the runs and reads the process's CPU time.
 */
public final class RuntimeOps {
    /** Initialises the runtime: starts its reactor. */
    public static final Op<Empty, Empty> INIT = op("init", Empty.class, Empty.class);
    /** Starts {@code block_on(program)} on a new executor thread; replies at once. */
    public static final Op<BlockOnArgs, BlockOnResult> BLOCK_ON = op("block_on", BlockOnArgs.class, BlockOnResult.class);
    /** Waits a while for a run to finish. */
    public static final Op<RunWaitArgs, RunWaitResult> RUN_WAIT = op("run_wait", RunWaitArgs.class, RunWaitResult.class);
    /** Makes a manual leaf ready and wakes its task by value or by reference. */
    public static final Op<LeafReadyArgs, Empty> LEAF_READY = op("leaf_ready", LeafReadyArgs.class, Empty.class);
    /** Reads the adapter process's CPU time. */
    public static final Op<Empty, CpuTimeResult> CPU_TIME = op("cpu_time", Empty.class, CpuTimeResult.class);

    /** Every op of the area. */
    public static final List<Op<?, ?>> ALL = List.of(INIT, BLOCK_ON, RUN_WAIT, LEAF_READY, CPU_TIME);

    private RuntimeOps() {}

    private static <A, R> Op<A, R> op(String suffix, Class<A> args, Class<R> result) {
        return Op.of(Area.RUNTIME, suffix, args, result);
    }

    /** How {@code rt.leaf_ready} calls the waker the leaf kept (Rust's two ways to wake). */
    public enum Wake {
        /** A clone of the kept waker, consumed by the call (Rust {@code Waker::wake}). */
        @JsonProperty("by_value") BY_VALUE,
        /** The kept waker itself, which stays (Rust {@code Waker::wake_by_ref}). */
        @JsonProperty("by_reference") BY_REFERENCE
    }

    /**
     * The args of {@code rt.block_on}.
     *
     * @param program  the root task's program
     * @param executor the executor thread's name; absent: {@code main}
     */
    public record BlockOnArgs(List<RuntimeInstruction> program, @JsonInclude(JsonInclude.Include.NON_NULL) String executor) {}

    /**
     * The result of {@code rt.block_on}.
     *
     * @param run the new run
     */
    public record BlockOnResult(long run) {}

    /**
     * The args of {@code rt.run_wait}.
     *
     * @param run       the run
     * @param timeoutMs how long to wait at most
     */
    public record RunWaitArgs(long run, long timeoutMs) {}

    /**
     * The result of {@code rt.run_wait}: a chapter 10 root has no value.
     *
     * @param finished whether {@code block_on} returned
     * @param trace    the run's entries since the previous {@code rt.run_wait}
     */
    public record RunWaitResult(boolean finished, List<CoroutineTraceEntry> trace) implements RunProgress {}

    /**
     * The args of {@code rt.leaf_ready}.
     *
     * @param name  the manual leaf
     * @param value its value
     * @param wake  how the waker its most recent poll left is called
     */
    public record LeafReadyArgs(String name, String value, Wake wake) {}

    /**
     * The result of {@code rt.cpu_time}.
     *
     * @param cpuMs the adapter process's CPU time so far, user and system, every thread, in milliseconds
     */
    public record CpuTimeResult(double cpuMs) {}
}
