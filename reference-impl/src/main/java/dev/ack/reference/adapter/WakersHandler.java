package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Area;
import dev.ack.protocol.Codec;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.runtime.Executor;
import dev.ack.reference.runtime.Parker;
import dev.ack.reference.runtime.Reactor;
import dev.ack.reference.variants.WakersFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code wk.*} ops (spec/protocol.md §7.2), served by the {@link dev.ack.reference.runtime}
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
    public String opPrefix() {
        return "wk.";
    }

    @Override
    public ObjectNode handle(String op, Args args) throws Exception {
        try {
            return switch (op) {
                case "wk.reactor_start" -> reactorStart();
                case "wk.block_on" -> blockOn(args);
                case "wk.run_wait" -> runWait(args);
                case "wk.leaf_ready" -> leafReady(args);
                case "wk.wake" -> wake(args);
                case "wk.parker_new" -> result().put("parker", handles.issue(new Parker()));
                case "wk.unpark" -> unpark(args);
                case "wk.park" -> park(args);
                default -> throw Args.badRequest("unknown op \"" + op + "\"");
            };
        } catch (RuntimeException e) {
            throw ErrorReplies.reply(e);
        }
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

    private ObjectNode reactorStart() throws EventQueueException {
        reactor = wakers.reactor();
        return result();
    }

    private ObjectNode blockOn(Args args) {
        ProgramEnvironment environment = ProgramEnvironment.onExecutor(leaves, keptWakers);
        StateMachine root = wakers.coroutine(ProgramReader.program(args, "program"), environment);
        ExecutorRun run = new ExecutorRun(args.string("executor", DEFAULT_EXECUTOR), root, environment,
                wakers.executor(environment));
        runs.add(run);
        return result().put("run", handles.issue(run));
    }

    private ObjectNode runWait(Args args) throws InterruptedException {
        ExecutorRun run = handles.get(args.handle("run"), ExecutorRun.class);
        return run.await(Duration.ofMillis(args.integer("timeout_ms", 0, Long.MAX_VALUE)));
    }

    /** Makes the leaf ready and calls the waker it keeps, from this, the request thread. */
    private ObjectNode leafReady(Args args) {
        leaves.makeReady(args.string("name"), args.string("value"));
        return result();
    }

    /** Calls a kept waker from the request thread, even if its task has finished. */
    private ObjectNode wake(Args args) {
        String name = args.string("name");
        Waker waker = keptWakers.get(name);
        if (waker == null) throw Args.badRequest("no program kept a waker under \"" + name + "\"");
        waker.wake();
        return result();
    }

    private ObjectNode unpark(Args args) {
        handles.get(args.handle("parker"), Parker.class).unpark();
        return result();
    }

    /** Parks the request thread; with {@code unpark_after_ms}, a helper thread unparks it after that delay. */
    private ObjectNode park(Args args) throws InterruptedException {
        Parker parker = handles.get(args.handle("parker"), Parker.class);
        long afterMs = args.integer("unpark_after_ms", 0, Long.MAX_VALUE, -1);
        Thread unparker = afterMs < 0 ? null : Thread.ofPlatform().name("wk.park unparker").start(() -> {
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
        return result();
    }

    private static ObjectNode result() {
        return Codec.JSON.createObjectNode();
    }
}
