package dev.ack.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed vocabulary of error kinds (spec/protocol.md §2.1). Rules are checked on the kind only,
 * never on the human-readable message, so an implementation in any language can match them. A test
 * checks these constants against the schema's {@code errorKind}.
 */
public enum ErrorKind {
    /** Nothing to read now, or no space to write now. */
    WouldBlock,
    /** A wait the request asked for ran out. */
    TimedOut,
    /** The source is already registered with this poll instance. */
    AlreadyRegistered,
    /** The source is not registered with this poll instance. */
    NotRegistered,
    /** The implementation rejected a well-formed argument: a closed OS handle, empty interests, a capacity of 0. */
    InvalidArgument,
    /** The request needs a capability the adapter did not claim. */
    Unsupported,
    /** A handle that was never issued, was released, or names another kind of object. */
    UnknownHandle,
    /** The protocol itself forbids the request: not JSON, an unknown op, malformed args. */
    BadRequest,
    /** Any other OS error; the message should carry its name. */
    Io,
    /** The adapter or implementation failed unexpectedly. */
    Internal,
    /** Fibers: every slot of the runtime is taken. */
    NoFreeSlot,
    /** Fibers: a fiber used up its stack and was stopped. */
    StackOverflow,
    /** An operation that needs a runtime (or a reactor) was called where none was initialised. */
    NotInitialised,
    /** Coroutines: polled again after it returned Ready. */
    PolledAfterReady,
    /** Wakers: a second reactor was started while one runs. */
    AlreadyRunning,
    /** Pinning: a move, swap or replace of a pinned value that is not movable was refused. */
    MoveRefused;

    /**
     * The kind a reply names on the wire.
     *
     * @param wire the {@code kind} of an error reply
     * @return the kind, or empty when it is not in the vocabulary
     */
    public static Optional<ErrorKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.name().equals(wire)).findFirst();
    }
}
