package dev.ack.reference.adapter;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Empty;
import dev.ack.protocol.fibers.FibersOps;
import dev.ack.protocol.fibers.FibersOps.CallOutsideRuntimeArgs;
import dev.ack.protocol.fibers.FibersOps.RunArgs;
import dev.ack.protocol.fibers.FibersOps.RunResult;
import dev.ack.protocol.fibers.FibersOps.RuntimeNewArgs;
import dev.ack.protocol.fibers.FibersOps.RuntimeNewResult;
import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import dev.ack.reference.variants.FibersFactory;
import java.util.List;

/**
 * The {@code fb.*} ops (spec/protocol.md §6), served by the {@link dev.ack.reference.fibers} package.
 * Programs run on the request thread, which is the base context of every runtime made here.
 */
public final class FibersHandler implements AreaHandler {
    private final Handles handles;
    private final FibersFactory fibers;

    /**
     * A handler that makes its runtimes, and the programs' locals, with {@code fibers}.
     *
     * @param handles the session's handles, shared by every area
     * @param fibers the reference's fibers factory, or a known-bad variant's
     */
    public FibersHandler(Handles handles, FibersFactory fibers) {
        this.handles = handles;
        this.fibers = fibers;
    }

    @Override
    public Area area() {
        return Area.FIBERS;
    }

    @Override
    public List<String> capabilities() {
        return List.of(Capability.CONFIGURABLE_SLOTS, Capability.CONFIGURABLE_STACK_SIZE, Capability.STACK_GUARD,
                Capability.RUNTIME_CHECK, Capability.RUN_RETURNS);
    }

    @Override
    public List<Route<?, ?>> routes() {
        return List.of(
                Route.of(FibersOps.RUNTIME_NEW, this::runtimeNew),
                Route.of(FibersOps.RUN, this::run),
                Route.of(FibersOps.CALL_OUTSIDE_RUNTIME, this::callOutsideRuntime));
    }

    /** Any value is passed on: rejecting 0 slots or a 0-byte stack is the implementation's job (InvalidArgument). */
    private RuntimeNewResult runtimeNew(RuntimeNewArgs args) throws FiberException {
        int slots = args.slots() == null ? FiberRuntime.DEFAULT_SLOTS : args.slots();
        long stackSize = args.stackSize() == null ? FiberRuntime.DEFAULT_STACK_SIZE : args.stackSize();
        FiberRuntime runtime = fibers.runtime(slots, stackSize);
        runtime.init();
        return new RuntimeNewResult(handles.issue(runtime));
    }

    /** The whole program is read before anything runs; a failing instruction is a trace entry, not an error reply. */
    private RunResult run(RunArgs args) {
        FiberRuntime runtime = handles.get(args.runtime(), FiberRuntime.class);
        FiberTrace trace = new FiberTrace();
        new Interpreter(runtime, trace, fibers.programLocals()).runOnBase(args.program());
        return new RunResult(trace.entries());
    }

    /** Calls the operation through the thread's current runtime, as the book's free functions do: after a reset there is none. */
    private Empty callOutsideRuntime(CallOutsideRuntimeArgs args) throws FiberException {
        switch (args.call()) {
            case YIELD -> FiberRuntime.current().yieldNow();
            case SPAWN -> FiberRuntime.current().spawn(() -> {});
        }
        return Empty.VALUE;
    }
}
