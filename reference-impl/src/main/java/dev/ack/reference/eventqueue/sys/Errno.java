package dev.ack.reference.eventqueue.sys;

import com.sun.jna.Native;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.EventQueueException.Reason;

/** Turns errno into the event queue's error vocabulary: the only place that knows errno numbers. */
final class Errno {
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EEXIST = 17;
    static final int EINVAL = 22;

    private Errno() {}

    /** The errno of the last failed call on this thread; read it before making another call. */
    static int last() {
        return Native.getLastError();
    }

    /** The failure of {@code call}, described by the errno it left behind. */
    static EventQueueException lastError(String call) {
        return exception(call, last());
    }

    /**
     * EEXIST and ENOENT come only from epoll_ctl among the calls we make, where they mean "already
     * registered" and "not registered". The message carries errno's name, e.g. {@code ECONNREFUSED}.
     */
    static EventQueueException exception(String call, int errno) {
        Reason reason = switch (errno) {
            case EEXIST -> Reason.ALREADY_REGISTERED;
            case ENOENT -> Reason.NOT_REGISTERED;
            case EBADF, EINVAL -> Reason.INVALID_ARGUMENT;
            case EAGAIN -> Reason.WOULD_BLOCK;
            default -> Reason.IO;
        };
        String name = LibC.strerrorname_np(errno);
        return new EventQueueException(reason,
                call + ": " + (name == null ? "errno " + errno : name) + " (" + LibC.strerror(errno) + ")");
    }
}
