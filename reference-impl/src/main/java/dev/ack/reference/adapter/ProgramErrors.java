package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.reference.coroutines.PolledAfterReadyException;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.runtime.AlreadyRunningException;
import dev.ack.reference.runtime.NotInitialisedException;
import java.io.UncheckedIOException;

/** The failures of coroutines, leaves and the runtime, as the protocol's error kinds (§2.1). */
final class ProgramErrors {
    private ProgramErrors() {}

    /** {@code failure} as the error reply the runner checks; what has no kind of its own stays as it is (Internal). */
    static RuntimeException reply(RuntimeException failure) {
        ErrorKind kind = switch (failure) {
            case PolledAfterReadyException e -> ErrorKind.PolledAfterReady;
            case NotInitialisedException e -> ErrorKind.NotInitialised;
            case AlreadyRunningException e -> ErrorKind.AlreadyRunning;
            case UncheckedIOException e when e.getCause() instanceof EventQueueException cause ->
                    EventQueueHandler.kind(cause.reason());
            default -> null;
        };
        return kind == null ? failure : new ProtocolError(kind, failure.getMessage(), failure);
    }
}
