package dev.ack.reference.coroutines;

import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test environment for coroutine programs and executors: records what happened as short lines
 * ({@code log hello}, {@code leaf A polled: pending}, {@code polled 0}, {@code sleep 2}), from any
 * thread; manual leaves and kept wakers as the adapter has them, and a waker armed by
 * {@code yield_until_sleep} called from another thread while the executor reports {@code sleep}.
 */
public final class Recorder implements Environment, ExecutorTrace {
    public final ManualLeaves leaves;
    public final Map<String, Waker> keptWakers = new ConcurrentHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final List<Waker> wakeAtSleep = new ArrayList<>();

    /** A recorder whose programs wait on {@code leaves}, which other recorders may share. */
    public Recorder(ManualLeaves leaves) {
        this.leaves = leaves;
    }

    public Recorder() {
        this(new ManualLeaves());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines since the previous call. */
    public synchronized List<String> take() {
        List<String> taken = List.copyOf(lines);
        lines.clear();
        return taken;
    }

    public synchronized long count(String line) {
        return lines.stream().filter(line::equals).count();
    }

    @Override
    public void log(String text) {
        add("log " + text);
    }

    @Override
    public void leafStarted(String leaf) {
        add("leaf " + leaf + " started");
    }

    @Override
    public void leafPolled(String leaf, boolean ready) {
        add("leaf " + leaf + " polled: " + (ready ? "ready" : "pending"));
    }

    @Override
    public Future<String> leaf(Leaf leaf) {
        return leaves.leaf(((Leaf.Manual) leaf).name());
    }

    @Override
    public void spawn(Future<String> task) {
        Executor.spawn(task);
    }

    @Override
    public void keepWaker(String name, Waker waker) {
        keptWakers.put(name, waker);
    }

    @Override
    public void wakeFromPoll(Waker waker) {
        waker.wake();
    }

    @Override
    public void wakeAtSleep(Waker waker) {
        wakeAtSleep.add(waker);
    }

    @Override
    public void spawned(int task) {
        add("spawned " + task);
    }

    @Override
    public void polled(int task) {
        add("polled " + task);
    }

    @Override
    public void finished(int task) {
        add("finished " + task);
    }

    @Override
    public void woken(int task) {
        add("woken " + task);
    }

    @Override
    public void sleeping(int pending) {
        add("sleep " + pending);
        List<Waker> armed = List.copyOf(wakeAtSleep);
        wakeAtSleep.clear();
        if (armed.isEmpty()) return;
        try {
            Thread.ofPlatform().start(() -> armed.forEach(Waker::wake)).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void allFinished() {
        add("all finished");
    }

    private synchronized void add(String line) {
        lines.add(line);
    }
}
