package dev.ack.reference.wakers;

/**
 * Lets a thread sleep until another says "go on": the book's {@code parker-bonus}, one binary
 * permit. {@link #unpark} before {@link #park} makes that park return at once, which is what keeps
 * a wake between "nothing to do" and "sleep" from being lost; several unparks still leave one
 * permit. The executor owns its own parker, so no other code on its thread can take its permit.
 */
public final class Parker {
    private boolean permit;

    /** A parker without a permit: the first park waits. */
    public Parker() {}

    /**
     * Waits until the permit is there, then takes it.
     *
     * @throws InterruptedException when the thread is interrupted while it waits, so that a stopped
     *         executor thread ends
     */
    public synchronized void park() throws InterruptedException {
        while (!permit) wait(); // in a loop: wait() may return without a notify
        permit = false;
    }

    /**
     * Takes the permit if it is there, without waiting.
     *
     * @return whether there was a permit
     */
    public synchronized boolean takePermit() {
        boolean taken = permit;
        permit = false;
        return taken;
    }

    /** Leaves the permit, waking the thread parked on it, if any; from any thread. */
    public synchronized void unpark() {
        permit = true;
        notify();
    }
}
