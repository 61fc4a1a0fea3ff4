package dev.ack.reference.fibers;

/** Where a slot of the runtime stands, as in the book. */
public enum State {
    /** Free: the next spawn may take it. */
    AVAILABLE,
    /** Its context is the one running now; exactly one slot is. */
    RUNNING,
    /** Its context waits for its turn: spawned and not started yet, or yielded. */
    READY
}
