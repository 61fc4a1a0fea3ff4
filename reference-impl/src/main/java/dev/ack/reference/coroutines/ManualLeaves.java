package dev.ack.reference.coroutines;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The manual leaves of a session, by name: programs wait on them, the runner makes them ready. A
 * pending leaf keeps the waker of its most recent poll and calls it when it is made ready. A leaf
 * made ready before anything polled it is Ready at its first poll. Thread-safe: an executor polls
 * while the request thread makes leaves ready.
 */
public class ManualLeaves {
    private final Map<String, Slot> slots = new HashMap<>();

    /** What is known of one leaf: its value once ready, else the waker to call then. */
    private static final class Slot {
        String value;
        Waker waker;
    }

    /** No leaves yet: each comes into being when it is first polled or made ready. */
    public ManualLeaves() {}

    /**
     * A future for leaf {@code name}; creating it does nothing.
     *
     * @param name the leaf's name
     * @return a future that is Ready with the leaf's value once it is made ready
     */
    public Future<String> leaf(String name) {
        return waker -> poll(name, waker);
    }

    /**
     * Makes leaf {@code name} Ready with {@code value} and wakes the task that last polled it.
     *
     * @param name the leaf's name
     * @param value what its futures are Ready with
     */
    public void makeReady(String name, String value) {
        makeReady(name, value, Waker::wake);
    }

    /**
     * Makes leaf {@code name} Ready with {@code value} and calls {@code wake} with the waker of the
     * task that last polled it, if one did: chapter 10 chooses how to wake it.
     *
     * @param name the leaf's name
     * @param value what its futures are Ready with
     * @param wake what to do with the kept waker
     */
    public void makeReady(String name, String value, Consumer<Waker> wake) {
        Waker waker;
        synchronized (this) {
            Slot slot = slot(name);
            slot.value = value;
            waker = slot.waker;
            slot.waker = null;
        }
        // Outside the lock: waking takes the executor's locks, and an executor thread may be polling here.
        if (waker != null) wake.accept(waker);
    }

    /** Forgets every leaf (a new scenario may reuse the names). */
    public synchronized void clear() {
        slots.clear();
    }

    // One lock for "is it ready?" and "keep the waker": makeReady either sees this waker or this poll sees the value.
    private synchronized PollState<String> poll(String name, Waker waker) {
        Slot slot = slot(name);
        if (slot.value != null) return PollState.ready(slot.value);
        slot.waker = waker; // the most recent poll's: the leaf may have moved to another task since the last
        return PollState.pending();
    }

    private Slot slot(String name) {
        return slots.computeIfAbsent(name, n -> new Slot());
    }
}
