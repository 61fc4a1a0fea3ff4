package dev.ack.reference.adapter;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.programs.LeafReadyArgs;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.BlockOnArgs;
import dev.ack.protocol.wakers.WakersOps.BlockOnResult;
import dev.ack.protocol.wakers.WakersOps.ParkArgs;
import dev.ack.protocol.wakers.WakersOps.ParkerArgs;
import dev.ack.protocol.wakers.WakersOps.ParkerNewResult;
import dev.ack.protocol.wakers.WakersOps.RunWaitArgs;
import dev.ack.protocol.wakers.WakersOps.RunWaitResult;
import dev.ack.protocol.wakers.WakersOps.WakeArgs;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.wakers.Parker;
import dev.ack.reference.wakers.Reactor;
import dev.ack.reference.variants.WakersFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code wk.*} ops (spec/protocol.md §7.2), served by the {@link dev.ack.reference.wakers}
 * package: programs run as tasks of executors on their own threads, sharing one reactor, while the
 * request thread makes leaves ready, calls kept wakers and looks in on the runs.
 */
public final class WakersHandler implements AreaHandler {
    private static final String DEFAULT_EXECUTOR = "main";

    private final Handles handles;
    private final WakersFactory wakers;
    private final SessionLeaves leaves;
    /** Executor threads add to this while the request thread reads it. */
    private final Map<String, Waker> keptWakers = new ConcurrentHashMap<>();
    private final List<ExecutorRun> runs = new ArrayList<>();
    private Reactor reactor;

    /**
     * A handler that makes its coroutines, leaves, executors and reactor with {@code wakers}.
     *
     * @param handles the session's handles, shared by every area
     * @param wakers the reference's wakers factory, or a known-bad variant's
     */
    public WakersHandler(Handles handles, WakersFactory wakers) {
        this.handles = handles;
        this.wakers = wakers;
        this.leaves = new SessionLeaves(wakers.leaves());
    }

    @Override
    public Area area() {
        return Area.WAKERS;
    }

    @Override
    public List<String> capabilities() {
        return List.of(Capability.BLOCK_ON_VALUE, Capability.WAKE_REPORTS);
    }

    @Override
    public List<Route<?, ?>> routes() {
        return List.of(
                Route.of(WakersOps.REACTOR_START, this::reactorStart),
                Route.of(WakersOps.BLOCK_ON, this::blockOn),
                Route.of(WakersOps.RUN_WAIT, this::runWait),
                Route.of(WakersOps.LEAF_READY, this::leafReady),
                Route.of(WakersOps.WAKE, this::wake),
                Route.of(WakersOps.PARKER_NEW, args -> new ParkerNewResult(handles.issue(new Parker()))),
                Route.of(WakersOps.UNPARK, this::unpark),
                Route.of(WakersOps.PARK, this::park));
    }

    /** Stops the executor threads first, so no task touches a leaf or the reactor after; then the reactor; then forgets the rest. */
    @Override
    public void reset() throws Exception {
        for (ExecutorRun run : runs) run.stop();
        runs.clear();
        if (reactor != null) reactor.close();
        reactor = null;
        leaves.clear();
        keptWakers.clear();
    }

    private Empty reactorStart(Empty args) throws EventQueueException {
        reactor = wakers.reactor();
        return Empty.VALUE;
    }

    private BlockOnResult blockOn(BlockOnArgs args) {
        ProgramEnvironment environment = ProgramEnvironment.onExecutor(leaves, keptWakers);
        StateMachine root = wakers.coroutine(ProgramReader.program(args.program()), environment);
        ExecutorRun run = new ExecutorRun(args.executor() == null ? DEFAULT_EXECUTOR : args.executor(), root, environment,
                wakers.executor(environment));
        runs.add(run);
        return new BlockOnResult(handles.issue(run));
    }

    private RunWaitResult runWait(RunWaitArgs args) throws InterruptedException {
        ExecutorRun.Look look = handles.get(args.run(), ExecutorRun.class).await(Duration.ofMillis(args.timeoutMs()));
        return new RunWaitResult(look.finished(), look.value(), look.trace());
    }

    /** Makes the leaf ready and calls the waker it keeps, from this, the request thread. */
    private Empty leafReady(LeafReadyArgs args) {
        leaves.makeReady(args.name(), args.value());
        return Empty.VALUE;
    }

    /** Calls a kept waker from the request thread, even if its task has finished. */
    private Empty wake(WakeArgs args) {
        Waker waker = keptWakers.get(args.name());
        if (waker == null) throw new ProtocolError(ErrorKind.BadRequest, "no program kept a waker under \"" + args.name() + "\"");
        waker.wake();
        return Empty.VALUE;
    }

    private Empty unpark(ParkerArgs args) {
        handles.get(args.parker(), Parker.class).unpark();
        return Empty.VALUE;
    }

    /** Parks the request thread; with {@code unpark_after_ms}, a helper thread unparks it after that delay. */
    private Empty park(ParkArgs args) throws InterruptedException {
        Parker parker = handles.get(args.parker(), Parker.class);
        Long afterMs = args.unparkAfterMs();
        Thread unparker = afterMs == null ? null : Thread.ofPlatform().name("wk.park unparker").start(() -> {
            try {
                Thread.sleep(afterMs);
                parker.unpark();
            } catch (InterruptedException e) {
                // park returned before the delay, on an earlier permit: this unpark is not wanted any more
            }
        });
        try {
            parker.park();
        } finally {
            if (unparker != null) {
                unparker.interrupt();
                unparker.join();
            }
        }
        return Empty.VALUE;
    }
}
