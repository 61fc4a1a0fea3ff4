package dev.ack.reference.pinning;

/**
 * The pin marker: a value of a class that implements it may hold addresses into itself, so once it is
 * pinned it must not be moved (Rust's {@code PhantomPinned}, which makes a type {@code !Unpin}). A
 * value of a class without it is movable, pinned or not.
 */
public interface NotMovable {}
