package dev.ack.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The areas an adapter can claim in its handshake, each with the book chapter it comes from. Listed in
 * teaching order; later areas are reserved so adapters and reports can name them before their rules
 * exist.
 */
public enum Area {
    EVENT_QUEUE("event-queue", 4, "EQ"),
    FIBERS("fibers", 5, "FB"),
    COROUTINES("coroutines", 7, "CO"),
    WAKERS("wakers", 8, "WK"),
    PINNING("pinning", 9, "PN"),
    RUNTIME("runtime", 10, "RT");

    private final String wireName;
    private final int chapter;
    private final String rulePrefix;

    Area(String wireName, int chapter, String rulePrefix) {
        this.wireName = wireName;
        this.chapter = chapter;
        this.rulePrefix = rulePrefix;
    }

    /** The name used in handshakes, tags ({@code @area:event-queue}) and reports. */
    public String wireName() { return wireName; }

    public int chapter() { return chapter; }

    /** The prefix of this area's rule IDs, e.g. {@code EQ} in {@code EQ-03}. */
    public String rulePrefix() { return rulePrefix; }

    public static Optional<Area> byWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    public static Optional<Area> byRulePrefix(String prefix) {
        return Arrays.stream(values()).filter(a -> a.rulePrefix.equals(prefix)).findFirst();
    }
}
