package dev.ack.reference.eventqueue;

import java.io.IOException;

/** A failed event queue operation, with the reason a caller can act on and a message naming the errno. */
public final class EventQueueException extends IOException {

    /** Why an operation failed, in the words of the conformance protocol rather than errno's. */
    public enum Reason {
        /** The source is already in this poll's interest list (EEXIST). */
        ALREADY_REGISTERED,
        /** The source is not in this poll's interest list (ENOENT). */
        NOT_REGISTERED,
        /** A closed or bad handle (EBADF, EINVAL), empty interests, a capacity below 1, a negative timeout. */
        INVALID_ARGUMENT,
        /** Nothing to read, or no room to write, right now (EAGAIN): try again after the next event. */
        WOULD_BLOCK,
        /** Any other OS error; the message names it. */
        IO
    }

    private final Reason reason;

    /**
     * A failure for {@code reason}.
     *
     * @param reason what the caller can act on
     * @param message what failed, naming the errno where there is one
     */
    public EventQueueException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Why the operation failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
