package dev.ack.reference.adapter;

import com.sun.management.OperatingSystemMXBean;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.runtime.RuntimeInstruction;
import dev.ack.protocol.runtime.RuntimeLeaf;
import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.runtime.RuntimeOps.BlockOnArgs;
import dev.ack.protocol.runtime.RuntimeOps.BlockOnResult;
import dev.ack.protocol.runtime.RuntimeOps.CpuTimeResult;
import dev.ack.protocol.runtime.RuntimeOps.LeafReadyArgs;
import dev.ack.protocol.runtime.RuntimeOps.RunWaitArgs;
import dev.ack.protocol.runtime.RuntimeOps.RunWaitResult;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.runtime.OtherRuntime;
import dev.ack.reference.runtime.Runtime;
import dev.ack.reference.runtime.RuntimeWaker;
import dev.ack.reference.variants.RuntimeFactory;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code rt.*} ops (spec/protocol.md §7.3), served by the {@link dev.ack.reference.runtime}
 * package: programs become async bodies ({@link RuntimeProgram}) run as tasks of executors on their own
 * threads, sharing the runtime's one reactor, while the request thread makes leaves ready, waking their
 * tasks by value or by reference, and looks in on the runs. Reset ends the runtime.
 */
public final class RuntimeHandler implements AreaHandler {
    private static final String DEFAULT_EXECUTOR = "main";
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Handles handles;
    private final RuntimeFactory runtimes;
    private final SessionLeaves leaves = new SessionLeaves(new ManualLeaves());
    /** The manual leaves the session's programs wait on: the only ones {@code rt.leaf_ready} may make ready. */
    private final Set<String> manualLeaves = ConcurrentHashMap.newKeySet();
    private final List<ExecutorRun> runs = new ArrayList<>();
    private Runtime runtime;
    /** Started by the first task that enters it, on its executor's thread. */
    private OtherRuntime otherRuntime;

    /**
     * A handler that makes its runtime, executors and wakers with {@code runtimes}.
     *
     * @param handles the session's handles, shared by every area
     * @param runtimes the reference's runtime factory, or a known-bad variant's
     */
    public RuntimeHandler(Handles handles, RuntimeFactory runtimes) {
        this.handles = handles;
        this.runtimes = runtimes;
    }

    @Override
    public Area area() {
        return Area.RUNTIME;
    }

    @Override
    public List<Route<?, ?>> routes() {
        return List.of(
                Route.of(RuntimeOps.INIT, this::init),
                Route.of(RuntimeOps.BLOCK_ON, this::blockOn),
                Route.of(RuntimeOps.RUN_WAIT, this::runWait),
                Route.of(RuntimeOps.LEAF_READY, this::leafReady),
                Route.of(RuntimeOps.CPU_TIME, args -> new CpuTimeResult(processCpuNanos() / NANOS_PER_MILLI)));
    }

    /** Stops the executor threads first, so no task touches a leaf or a reactor after; then ends the runtimes; then forgets the rest. */
    @Override
    public void reset() throws Exception {
        for (ExecutorRun run : runs) run.stop();
        runs.clear();
        if (runtime != null) runtime.close();
        runtime = null;
        synchronized (this) {
            if (otherRuntime != null) otherRuntime.close();
            otherRuntime = null;
        }
        leaves.clear();
        manualLeaves.clear();
    }

    private Empty init(Empty args) throws EventQueueException {
        runtime = runtimes.init();
        return Empty.VALUE;
    }

    private BlockOnResult blockOn(BlockOnArgs args) {
        RuntimeProgram.check(args.program());
        addManualLeaves(args.program());
        ProgramEnvironment environment = ProgramEnvironment.onRuntime(leaves);
        RuntimeProgram program = new RuntimeProgram(environment, leaves, runtimes::waker, this::otherRuntime);
        ExecutorRun run = new ExecutorRun(args.executor() == null ? DEFAULT_EXECUTOR : args.executor(),
                program.task(args.program()), environment, runtimes.executor(environment));
        runs.add(run);
        return new BlockOnResult(handles.issue(run));
    }

    private RunWaitResult runWait(RunWaitArgs args) throws InterruptedException {
        ExecutorRun.Look look = handles.get(args.run(), ExecutorRun.class).await(Duration.ofMillis(args.timeoutMs()));
        return new RunWaitResult(look.finished(), look.trace());
    }

    /** Makes the leaf ready and calls the waker its most recent poll left as {@code wake} says, from this, the request thread. */
    private Empty leafReady(LeafReadyArgs args) {
        if (!manualLeaves.contains(args.name())) {
            throw new ProtocolError(ErrorKind.BadRequest, "no program waits on a manual leaf \"" + args.name() + "\"");
        }
        Consumer<Waker> wake = switch (args.wake()) {
            case BY_VALUE -> Waker::wake;
            case BY_REFERENCE -> waker -> RuntimeWaker.of(waker).wakeByRef();
        };
        leaves.makeReady(args.name(), args.value(), wake);
        return Empty.VALUE;
    }

    private void addManualLeaves(List<RuntimeInstruction> program) {
        for (RuntimeInstruction instruction : program) {
            switch (instruction) {
                case RuntimeInstruction.Wait(RuntimeLeaf.Manual(String name), String child, String into) -> manualLeaves.add(name);
                case RuntimeInstruction.Create create -> addManualLeaves(create.program());
                default -> {
                    // names no manual leaf
                }
            }
        }
    }

    /** The session's other runtime, started at its first use; from any executor thread. */
    private synchronized OtherRuntime otherRuntime() {
        if (otherRuntime == null) {
            try {
                otherRuntime = OtherRuntime.start();
            } catch (EventQueueException e) {
                throw new UncheckedIOException(e);
            }
        }
        return otherRuntime;
    }

    /** The CPU time of this process so far, every thread, user and system. */
    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
