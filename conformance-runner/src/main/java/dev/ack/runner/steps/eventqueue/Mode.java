package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps.Trigger;

/** The trigger mode of a registration; level-triggered is the protocol's default and is sent as no argument. */
public enum Mode {
    LEVEL_TRIGGERED, EDGE_TRIGGERED, ONESHOT;

    static Mode parse(String words) {
        return valueOf(words.toUpperCase().replace('-', '_'));
    }

    /** As the features write it after a registration's interests: "edge-triggered", "oneshot"; level-triggered is the default, unwritten. */
    public String words() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The registration's {@code trigger}: absent unless edge-triggered. */
    public Trigger trigger() {
        return this == EDGE_TRIGGERED ? Trigger.EDGE : null;
    }

    /** The registration's {@code oneshot}: absent unless oneshot. */
    public Boolean oneshot() {
        return this == ONESHOT ? Boolean.TRUE : null;
    }
}
