package dev.ack.protocol;

/** Constants of the protocol as a whole. */
public final class Protocol {
    /** The version this code speaks; see spec/protocol.md §9. */
    public static final int VERSION = 1;

    private Protocol() {}
}
