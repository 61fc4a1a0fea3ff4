package dev.ack.runner.verdict;

import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The machine, as the scenarios of a parallel run ({@code --jobs}) share it: a timing scenario (tagged
 * {@code @timing}) holds it alone, so that no other scenario's adapter takes the CPU its bounds were
 * written for; every other scenario holds it with the others. Fair, so that a waiting timing scenario
 * is not starved by the scenarios that keep starting. Each scenario takes it before its adapter is
 * reset and gives it back after its last hook, on the thread that runs it; when it held it is its time
 * on the machine ({@link Hold}), which the reports give.
 */
public final class MachineShare {
    private static final ReentrantReadWriteLock MACHINE = new ReentrantReadWriteLock(true);
    private static final ThreadLocal<Lock> HELD = new ThreadLocal<>();
    private static final ThreadLocal<Hold> LAST = new ThreadLocal<>();

    /** When a scenario took the machine and gave it back ({@link System#nanoTime()}; 0: not yet given back). */
    public record Hold(long takenNanos, long givenNanos) {}

    private MachineShare() {}

    /** Waits for the machine: alone for a timing scenario, shared otherwise. */
    public static void take(boolean timing) {
        give();
        Lock lock = timing ? MACHINE.writeLock() : MACHINE.readLock();
        lock.lock();
        HELD.set(lock);
        LAST.set(new Hold(System.nanoTime(), 0));
    }

    /** Gives the machine back, if this thread's scenario holds it. */
    public static void give() {
        Lock held = HELD.get();
        if (held == null) return;
        HELD.remove();
        Hold taken = LAST.get();
        if (taken != null) LAST.set(new Hold(taken.takenNanos(), System.nanoTime()));
        held.unlock();
    }

    /** The hold of the scenario that ran last on this thread, if it took the machine; forgets it. */
    public static Optional<Hold> lastHold() {
        Hold last = LAST.get();
        LAST.remove();
        return Optional.ofNullable(last);
    }

    /** Whether the scenario on this thread holds the machine alone. */
    public static boolean alone() {
        return MACHINE.isWriteLockedByCurrentThread();
    }
}
