package dev.ack.protocol;

import java.util.List;

/** Optional behaviour an adapter may claim in its handshake (spec/protocol.md §3.1). */
public final class Capability {
    /** Event queue: registrations with {@code "trigger": "edge"}. */
    public static final String EDGE_TRIGGERED = "edge-triggered";
    /** Event queue: registrations with {@code "oneshot": true}, re-armed by reregister. */
    public static final String ONESHOT = "oneshot";
    /** Pinning: values pinned in a scope ({@code "pinning": "scope"}), which ends with {@code pn.scope_end}. */
    public static final String SCOPED_PINNING = "scoped-pinning";

    /** Every capability of this version: what a scenario's {@code @requires:} tag may name. */
    public static final List<String> ALL = List.of(EDGE_TRIGGERED, ONESHOT, SCOPED_PINNING);

    private Capability() {}
}
