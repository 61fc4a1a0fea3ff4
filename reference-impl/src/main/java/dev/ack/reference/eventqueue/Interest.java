package dev.ack.reference.eventqueue;

/**
 * What a registration wants to hear about: readable, writable, or both. A registration with neither
 * is rejected as an invalid argument (epoll itself would accept it and report only errors).
 */
public record Interest(boolean readable, boolean writable) {
    public static final Interest READABLE = new Interest(true, false);
    public static final Interest WRITABLE = new Interest(false, true);

    public boolean isEmpty() {
        return !readable && !writable;
    }
}
