package dev.ack.reference.wakers;

import java.util.Arrays;

/**
 * The ids of the tasks an executor should poll: wakers push from any thread, the executor pops. A
 * task woken several times before it is polled is in it once, so several wakes cause one poll; a
 * wake that comes while the task is being polled puts it back, so no wake is lost. The order is
 * first woken, first polled (the book's is the reverse; the spec leaves it free).
 *
 * <p>The book's queue is a {@code Vec<usize>} behind a mutex. Here the ids sit in a ring of plain
 * {@code int}s (a queue of {@code Integer}s boxes every id above 127) and a flag per task id says
 * "is it in already": both O(1), and ids are small and dense (an executor numbers its tasks from 0).
 */
final class ReadyQueue {
    /** Its length is a power of two, so "round the ring" is a mask, not a division. */
    private int[] ring = new int[16];
    /** Where the oldest id is, and how many there are from there on, round the ring. */
    private int head;
    private int size;
    /** By task id: whether the task is in the ring. */
    private boolean[] queued = new boolean[16];

    /**
     * Adds {@code task} unless it is in already.
     *
     * @return whether the queue was empty before: only then can the executor be asleep, or about to
     *         sleep, for want of a task
     */
    synchronized boolean push(int task) {
        if (task >= queued.length) queued = Arrays.copyOf(queued, Math.max(task + 1, queued.length * 2));
        if (queued[task]) return false;
        queued[task] = true;
        if (size == ring.length) grow();
        ring[(head + size) & (ring.length - 1)] = task;
        return size++ == 0;
    }

    /** The next task to poll, or -1 when none is ready. */
    synchronized int pop() {
        if (size == 0) return -1;
        int task = ring[head];
        head = (head + 1) & (ring.length - 1);
        size--;
        queued[task] = false;
        return task;
    }

    /** Twice the room, the ids unrolled from the head to the start of the new ring. */
    private void grow() {
        int[] larger = Arrays.copyOfRange(ring, head, head + ring.length * 2);
        System.arraycopy(ring, 0, larger, ring.length - head, head);
        ring = larger;
        head = 0;
    }
}
