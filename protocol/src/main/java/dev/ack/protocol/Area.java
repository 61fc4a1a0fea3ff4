package dev.ack.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The areas an adapter can claim in its handshake: the one declaration of an area. Its wire name,
 * book chapter, rule prefix and op prefix are said here and nowhere else; the spec index, the
 * traceability gate, the CLI's help and the handlers derive them from this enum or are checked against
 * it. Listed in teaching order; later areas are reserved so adapters and reports can name them before
 * their rules exist.
 */
public enum Area {
    /** Chapter 4: an epoll event queue shaped like mio. */
    EVENT_QUEUE("event-queue", 4, "EQ", "eq."),
    /** Chapter 5: stackful fibers. */
    FIBERS("fibers", 5, "FB", "fb."),
    /** Chapter 7: stackless coroutines, polled by the runner. */
    COROUTINES("coroutines", 7, "CO", "co."),
    /** Chapter 8: wakers, reactor and executor. */
    WAKERS("wakers", 8, "WK", "wk."),
    /** Chapter 9: self-referential state and pinning. */
    PINNING("pinning", 9, "PN", "pn."),
    /** Chapter 10: a runtime that runs the language's own async code on the earlier chapters' reactor and executors. */
    RUNTIME("runtime", 10, "RT", "rt.");

    private final String wireName;
    private final int chapter;
    private final String rulePrefix;
    private final String opPrefix;

    Area(String wireName, int chapter, String rulePrefix, String opPrefix) {
        this.wireName = wireName;
        this.chapter = chapter;
        this.rulePrefix = rulePrefix;
        this.opPrefix = opPrefix;
    }

    /** {@return the name used in handshakes, tags ({@code @area:event-queue}), spec file names and reports} */
    public String wireName() { return wireName; }

    /** {@return the chapter of the book this area comes from: its {@code @chN} tag and its rules' chapter} */
    public int chapter() { return chapter; }

    /** {@return the prefix of this area's rule IDs, e.g. {@code EQ} in {@code EQ-03}} */
    public String rulePrefix() { return rulePrefix; }

    /** {@return the prefix of this area's ops, e.g. {@code eq.} in {@code eq.poll}} */
    public String opPrefix() { return opPrefix; }

    /**
     * The area called {@code name} on the wire.
     *
     * @param name a wire name such as {@code event-queue}
     * @return the area, or empty when no area has that name
     */
    public static Optional<Area> byWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    /**
     * The area whose rule IDs start with {@code prefix}.
     *
     * @param prefix a rule prefix such as {@code EQ}
     * @return the area, or empty when no area has that prefix
     */
    public static Optional<Area> byRulePrefix(String prefix) {
        return Arrays.stream(values()).filter(a -> a.rulePrefix.equals(prefix)).findFirst();
    }

    /**
     * The area an op belongs to, by its prefix.
     *
     * @param op an op's wire name such as {@code eq.poll}
     * @return the area, or empty for the session ops ({@code hello}, {@code reset}, {@code shutdown}) and unknown prefixes
     */
    public static Optional<Area> ofOp(String op) {
        return Arrays.stream(values()).filter(a -> op.startsWith(a.opPrefix)).findFirst();
    }
}
