package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps.Interest;

import java.util.ArrayList;
import java.util.List;

/**
 * Readable and/or writable: what a registration asks for, and what a scenario expects an event to
 * report. Both flags false is the empty set of interests, which EQ-03 says must be rejected.
 */
public record Interests(boolean readable, boolean writable) {

    public static Interests parse(String words) {
        return switch (words) {
            case "readable" -> new Interests(true, false);
            case "writable" -> new Interests(false, true);
            case "readable and writable" -> new Interests(true, true);
            case "no interests" -> new Interests(false, false);
            default -> throw new IllegalArgumentException("not an interest: " + words);
        };
    }

    /** Whether every flag of {@code expected} is set here. */
    boolean covers(Interests expected) {
        return (readable || !expected.readable) && (writable || !expected.writable);
    }

    /** Whether any flag of {@code other} is set here. */
    boolean overlaps(Interests other) {
        return (readable && other.readable) || (writable && other.writable);
    }

    /** As a registration's {@code interests}: empty for no interests. */
    public List<Interest> toWire() {
        List<Interest> wire = new ArrayList<>();
        if (readable) wire.add(Interest.READABLE);
        if (writable) wire.add(Interest.WRITABLE);
        return List.copyOf(wire);
    }

    @Override
    public String toString() {
        if (readable && writable) return "readable and writable";
        if (readable) return "readable";
        return writable ? "writable" : "no interests";
    }
}
