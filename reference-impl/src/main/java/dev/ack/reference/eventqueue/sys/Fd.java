package dev.ack.reference.eventqueue.sys;

/** What every file descriptor needs at the end. */
public final class Fd {
    private Fd() {}

    /**
     * Closes {@code fd}. Errors are ignored on purpose: Linux releases the descriptor even when close
     * reports one, so there is nothing to retry, and retrying could close a reused number.
     *
     * @param fd the descriptor
     */
    public static void close(int fd) {
        LibC.close(fd);
    }
}
