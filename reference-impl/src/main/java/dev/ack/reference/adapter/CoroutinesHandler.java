package dev.ack.reference.adapter;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Empty;
import dev.ack.protocol.coroutines.CoroutinesOps;
import dev.ack.protocol.coroutines.CoroutinesOps.CreateArgs;
import dev.ack.protocol.coroutines.CoroutinesOps.CreateResult;
import dev.ack.protocol.coroutines.CoroutinesOps.PollArgs;
import dev.ack.protocol.coroutines.CoroutinesOps.PollResult;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.LeafReadyArgs;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.variants.CoroutinesFactory;
import java.util.List;

/**
 * The {@code co.*} ops (spec/protocol.md §7.1), served by the {@link dev.ack.reference.coroutines}
 * package: the runner creates coroutines and polls them itself, on the request thread, with a waker
 * that wakes nothing (chapter 7 has none).
 */
public final class CoroutinesHandler implements AreaHandler {
    private final Handles handles;
    private final CoroutinesFactory coroutines;
    private final SessionLeaves leaves;
    private final ProgramEnvironment environment;

    /**
     * A handler that makes its coroutines and manual leaves with {@code coroutines}.
     *
     * @param handles the session's handles, shared by every area
     * @param coroutines the reference's coroutines factory, or a known-bad variant's
     */
    public CoroutinesHandler(Handles handles, CoroutinesFactory coroutines) {
        this.handles = handles;
        this.coroutines = coroutines;
        this.leaves = new SessionLeaves(coroutines.leaves());
        this.environment = ProgramEnvironment.polledByRunner(leaves);
    }

    @Override
    public Area area() {
        return Area.COROUTINES;
    }

    @Override
    public List<String> capabilities() {
        return List.of(Capability.JOINED_VALUES);
    }

    @Override
    public List<Route<?, ?>> routes() {
        return List.of(
                Route.of(CoroutinesOps.CREATE, this::create),
                Route.of(CoroutinesOps.POLL, this::poll),
                Route.of(CoroutinesOps.LEAF_READY, this::leafReady));
    }

    /** Forgets the leaves and closes the requests' connections; the coroutines are handles, released with them. */
    @Override
    public void reset() throws Exception {
        leaves.clear();
        environment.takeTrace();
    }

    private CreateResult create(CreateArgs args) {
        StateMachine coroutine = coroutines.coroutine(ProgramReader.program(args.program()), environment);
        return new CreateResult(handles.issue(coroutine));
    }

    /** One poll; the trace has what happened since the previous request. A failed poll's entries are dropped with it. */
    private PollResult poll(PollArgs args) {
        StateMachine coroutine = handles.get(args.coroutine(), StateMachine.class);
        PollState<String> state;
        List<CoroutineTraceEntry> trace;
        try {
            state = coroutine.poll(Waker.noop());
        } finally {
            trace = environment.takeTrace();
        }
        return state instanceof PollState.Ready<String>(String value)
                ? new PollResult(true, value, trace)
                : new PollResult(false, null, trace);
    }

    private Empty leafReady(LeafReadyArgs args) {
        leaves.makeReady(args.name(), args.value());
        return Empty.VALUE;
    }
}
