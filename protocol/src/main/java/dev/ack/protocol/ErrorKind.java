package dev.ack.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed vocabulary of error kinds (spec/protocol.md §2.1). Rules are checked on the kind only,
 * never on the human-readable message, so an implementation in any language can match them.
 */
public enum ErrorKind {
    WouldBlock,
    TimedOut,
    AlreadyRegistered,
    NotRegistered,
    InvalidArgument,
    Unsupported,
    UnknownHandle,
    BadRequest,
    Io,
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
    AlreadyRunning;

    public static Optional<ErrorKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.name().equals(wire)).findFirst();
    }
}
