package dev.ack.reference.adapter;

import java.util.Map;

/**
 * The locals of one running fibers program, by name. Only the interpreter's frames on the running
 * context's stack hold it, so a fiber finds its locals after a yield only because its stack was kept.
 * A local never set reads 0, as a fresh frame's would: that is how a lost local shows in a check.
 */
final class FiberLocals {
    private final Map<String, Long> values;

    /** Locals kept in {@code values}, which holds the ones already set. */
    FiberLocals(Map<String, Long> values) {
        this.values = values;
    }

    long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    void set(String name, long value) {
        values.put(name, value);
    }
}
