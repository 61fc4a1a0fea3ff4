package dev.ack.protocol;

/** Optional behaviour an adapter may claim in its handshake (spec/protocol.md §3.1). */
public final class Capability {
    /** Event queue: registrations with {@code "trigger": "edge"}. */
    public static final String EDGE_TRIGGERED = "edge-triggered";
    /** Event queue: registrations with {@code "oneshot": true}, re-armed by reregister. */
    public static final String ONESHOT = "oneshot";

    private Capability() {}
}
