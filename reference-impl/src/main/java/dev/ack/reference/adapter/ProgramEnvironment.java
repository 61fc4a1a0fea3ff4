package dev.ack.reference.adapter;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.reference.coroutines.Environment;
import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.Leaf;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import dev.ack.reference.wakers.HttpGet;
import dev.ack.reference.wakers.NotInitialisedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where coroutine programs run for the adapter: their trace, as the protocol's entries (§7), and the
 * session's leaves and kept wakers. The coroutines area has one for the session; the wakers area one
 * per run, which is also its executor's trace. Entries may come from any thread (a wake from the
 * request thread or the reactor); the request thread takes them.
 */
final class ProgramEnvironment implements Environment, ExecutorTrace {
    /**
     * How long the executor's {@code sleep} report waits for the thread that calls the wakers armed by
     * {@code yield_until_sleep}: an executor may hold the lock that wake needs while it reports (§7).
     */
    private static final Duration SLEEP_WAKE_PATIENCE = Duration.ofMillis(100);

    private final SessionLeaves leaves;
    /** Where {@code keep_waker} keeps wakers; null in the coroutines area, which has no executor. */
    private final Map<String, Waker> keptWakers;
    private List<CoroutineTraceEntry> entries = new ArrayList<>();
    /** The wakers {@code yield_until_sleep} armed, called at the executor's next {@code sleep}; only its thread touches them. */
    private final List<Waker> wakeAtSleep = new ArrayList<>();

    private ProgramEnvironment(SessionLeaves leaves, Map<String, Waker> keptWakers) {
        this.leaves = leaves;
        this.keptWakers = keptWakers;
    }

    /** Chapter 7: the runner polls; http leaves just retry their reads. */
    static ProgramEnvironment polledByRunner(SessionLeaves leaves) {
        return new ProgramEnvironment(leaves, null);
    }

    /** Chapter 8: an executor polls; http leaves are woken by the reactor. */
    static ProgramEnvironment onExecutor(SessionLeaves leaves, Map<String, Waker> keptWakers) {
        return new ProgramEnvironment(leaves, keptWakers);
    }

    /** Chapter 10: the runtime's programs make their own leaves and keep no wakers; the trace is what they use. */
    static ProgramEnvironment onRuntime(SessionLeaves leaves) {
        return new ProgramEnvironment(leaves, Map.of());
    }

    /** The entries since the previous call. */
    synchronized List<CoroutineTraceEntry> takeTrace() {
        List<CoroutineTraceEntry> taken = List.copyOf(entries);
        entries.clear();
        return taken;
    }

    @Override
    public void log(String text) {
        OptionalInt task = Executor.runningTask();
        add(new CoroutineTraceEntry.Log(text, task.isPresent() ? Long.valueOf(task.getAsInt()) : null));
    }

    @Override
    public void leafStarted(String leaf) {
        add(new CoroutineTraceEntry.LeafStarted(leaf));
    }

    @Override
    public void leafPolled(String leaf, boolean ready) {
        add(new CoroutineTraceEntry.LeafPolled(leaf, ready));
    }

    @Override
    public Future<String> leaf(Leaf leaf) {
        return switch (leaf) {
            case Leaf.Manual(String name) -> leaves.manual(name);
            case Leaf.Http(int port, String path) -> leaves.http(
                    keptWakers == null ? HttpGet.polledByCaller(port, path) : HttpGet.wokenByReactor(port, path));
        };
    }

    @Override
    public void spawn(Future<String> task) {
        Executor.spawn(task);
    }

    @Override
    public void keepWaker(String name, Waker waker) {
        executorOnly("keep_waker");
        keptWakers.put(name, waker);
    }

    @Override
    public void wakeFromPoll(Waker waker) {
        executorOnly("yield_now");
        waker.wake();
    }

    @Override
    public void wakeAtSleep(Waker waker) {
        executorOnly("yield_until_sleep");
        wakeAtSleep.add(waker);
    }

    private void executorOnly(String instruction) {
        if (keptWakers == null) throw new NotInitialisedException(instruction + " needs an executor (area wakers)");
    }

    @Override
    public void spawned(int task) {
        add(new CoroutineTraceEntry.Spawned(executor(), task));
    }

    @Override
    public void polled(int task) {
        add(new CoroutineTraceEntry.TaskPolled(executor(), task));
    }

    @Override
    public void finished(int task) {
        add(new CoroutineTraceEntry.TaskFinished(executor(), task));
    }

    @Override
    public void woken(int task) {
        add(new CoroutineTraceEntry.Wake(task));
    }

    @Override
    public void sleeping(int pending) {
        add(new CoroutineTraceEntry.Sleep(executor(), pending));
        if (!wakeAtSleep.isEmpty()) wakeFromAnotherThread();
    }

    /**
     * Calls the armed wakers from a thread of their own, now that the executor found its queue empty and
     * has not slept yet (WK-07), and waits for it, a bounded time.
     */
    private void wakeFromAnotherThread() {
        List<Waker> armed = List.copyOf(wakeAtSleep);
        wakeAtSleep.clear();
        Thread waking = Thread.ofPlatform().name("wake-at-sleep").daemon().start(() -> armed.forEach(Waker::wake));
        try {
            waking.join(SLEEP_WAKE_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a stopped run: its park ends on this interrupt
        }
    }

    @Override
    public void allFinished() {
        add(new CoroutineTraceEntry.AllFinished(executor()));
    }

    /** Executor entries name the executor by its thread's name, taken as it runs (WK-16). */
    private static String executor() {
        return Thread.currentThread().getName();
    }

    private synchronized void add(CoroutineTraceEntry entry) {
        entries.add(entry);
    }
}
