package dev.ack.reference.eventqueue;

/** Something a {@link Registry} can watch: anything backed by one OS file descriptor. */
public interface Source {
    /**
     * The descriptor epoll watches.
     *
     * @return the descriptor; -1 once the source is closed, which epoll rejects (EBADF)
     */
    int rawFd();
}
