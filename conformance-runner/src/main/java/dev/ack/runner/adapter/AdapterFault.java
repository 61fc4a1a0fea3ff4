package dev.ack.runner.adapter;

/**
 * The adapter, not the implementation's behaviour, went wrong: it crashed, stopped answering, or
 * wrote something that is not the protocol. The first fault of a session wins; the session is then
 * dead and the runner starts a fresh adapter for the next scenario.
 */
public final class AdapterFault extends RuntimeException {

    /** What kind of harness problem this is; reports group by it. */
    public enum Kind {
        /** The process exited (or could not be started). */
        CRASHED("adapter crashed"),
        /** No reply before the deadline. */
        TIMED_OUT("adapter timed out"),
        /** A line on stdout that is not a protocol message, or a reply that answers the wrong request. */
        PROTOCOL_ERROR("protocol error"),
        /** The handshake failed or named another protocol version. */
        HANDSHAKE_FAILED("handshake failed"),
        /** The run was stopped (SIGINT, SIGTERM): not the adapter's fault. */
        INTERRUPTED("run interrupted");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    private final Kind kind;

    public AdapterFault(Kind kind, String detail) {
        super(kind.label() + ": " + detail);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
