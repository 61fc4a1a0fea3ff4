package dev.ack.reference.wakers;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The ids of the tasks an executor should poll: wakers push from any thread, the executor pops. A
 * task woken several times before it is polled is in it once, so several wakes cause one poll; a
 * wake that comes while the task is being polled puts it back, so no wake is lost. The order is
 * first woken, first polled (the book's is the reverse; the spec leaves it free).
 */
final class ReadyQueue {
    private final LinkedHashSet<Integer> tasks = new LinkedHashSet<>();

    synchronized void push(int task) {
        tasks.add(task);
    }

    /** The next task to poll, or null when none is ready. */
    synchronized Integer pop() {
        Iterator<Integer> next = tasks.iterator();
        if (!next.hasNext()) return null;
        Integer task = next.next();
        next.remove();
        return task;
    }
}
