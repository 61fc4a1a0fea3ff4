package dev.ack.reference.eventqueue;

/**
 * What a registration wants to hear about: readable, writable, or both. A registration with neither
 * is rejected as an invalid argument (epoll itself would accept it and report only errors).
 *
 * @param readable report data to read, and the peer closing its side
 * @param writable report room to write
 */
public record Interest(boolean readable, boolean writable) {
    /** Readable only. */
    public static final Interest READABLE = new Interest(true, false);
    /** Writable only. */
    public static final Interest WRITABLE = new Interest(false, true);

    /**
     * Neither readable nor writable: what a registration must not ask for.
     *
     * @return whether it asks for nothing
     */
    public boolean isEmpty() {
        return !readable && !writable;
    }
}
