package dev.ack.reference.pinning;

/** A move, swap or replace of a pinned value that is not movable: what Rust refuses at compile time, refused at run time. */
public final class MoveRefusedException extends RuntimeException {
    /**
     * The refusal.
     *
     * @param message what was refused, and why
     */
    public MoveRefusedException(String message) {
        super(message);
    }
}
