package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.reference.coroutines.PolledAfterReadyException;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.pinning.MoveRefusedException;
import dev.ack.reference.wakers.AlreadyRunningException;
import dev.ack.reference.wakers.NotInitialisedException;
import java.io.UncheckedIOException;

/** The implementation's failures, area by area, as the error kinds the runner checks (§2.1): the one place that names them. */
final class FailureKinds {
    private FailureKinds() {}

    /** The error reply for {@code failure}, or null when it has no kind of its own (it is then {@code Internal}). */
    static ProtocolError reply(Exception failure) {
        ErrorKind kind = switch (failure) {
            case EventQueueException e -> kind(e);
            case FiberException e -> kind(e);
            case PolledAfterReadyException e -> ErrorKind.PolledAfterReady;
            case NotInitialisedException e -> ErrorKind.NotInitialised;
            case AlreadyRunningException e -> ErrorKind.AlreadyRunning;
            case MoveRefusedException e -> ErrorKind.MoveRefused;
            case UncheckedIOException e when e.getCause() instanceof EventQueueException cause -> kind(cause);
            default -> null;
        };
        return kind == null ? null : new ProtocolError(kind, failure.getMessage(), failure);
    }

    /** Also the kind of a fibers program's error entry, which is no reply. */
    static ErrorKind kind(FiberException failure) {
        return switch (failure.reason()) {
            case NO_FREE_SLOT -> ErrorKind.NoFreeSlot;
            case STACK_OVERFLOW -> ErrorKind.StackOverflow;
            case NOT_INITIALISED -> ErrorKind.NotInitialised;
            case INVALID_ARGUMENT -> ErrorKind.InvalidArgument;
        };
    }

    private static ErrorKind kind(EventQueueException failure) {
        return switch (failure.reason()) {
            case ALREADY_REGISTERED -> ErrorKind.AlreadyRegistered;
            case NOT_REGISTERED -> ErrorKind.NotRegistered;
            case INVALID_ARGUMENT -> ErrorKind.InvalidArgument;
            case WOULD_BLOCK -> ErrorKind.WouldBlock;
            case IO -> ErrorKind.Io;
        };
    }
}
