package dev.ack.reference.eventqueue;

/** When a ready source is reported. */
public enum Trigger {
    /** At every poll, for as long as the source is ready: unread data is reported again and again. */
    LEVEL,
    /** Once per change: new data is reported once, and not again until more data arrives. */
    EDGE
}
