package dev.ack.protocol;

import java.util.List;

/**
 * Optional behaviour an adapter may claim in its handshake (spec/protocol.md §3.1). Most of them are
 * what the kit asks beyond the book's code for a chapter: a rule that needs one says so on its spec
 * page ({@code **Beyond the book:** capability `…`}), and its scenarios require it, so that an
 * implementation that does exactly what the chapter's code does claims none of them and still passes
 * every scenario it runs.
 */
public final class Capability {
    /** Event queue: registrations with {@code "trigger": "edge"} (ch04/a-epoll registers with {@code EPOLLET}). */
    public static final String EDGE_TRIGGERED = "edge-triggered";
    /** Event queue: registrations with {@code "oneshot": true}, re-armed by reregister. */
    public static final String ONESHOT = "oneshot";
    /** Event queue: {@code eq.reregister} (mio's {@code Registry::reregister}; a-epoll has no such call). */
    public static final String REREGISTER = "reregister";
    /** Event queue: {@code eq.deregister} (mio's {@code Registry::deregister}; a-epoll has no such call). */
    public static final String DEREGISTER = "deregister";
    /** Event queue: {@code eq.waker_new} and {@code eq.wake} (mio's {@code Waker}). */
    public static final String EVENT_QUEUE_WAKER = "event-queue-waker";
    /** Event queue: registering from another thread while a poll blocks ({@code concurrently} register; mio's {@code try_clone}). */
    public static final String CROSS_THREAD_REGISTRY = "cross-thread-registry";
    /** Event queue: empty interests and a capacity of 0 are rejected with {@code InvalidArgument}. */
    public static final String ARGUMENT_CHECKS = "argument-checks";
    /** Event queue: events carry {@code read_closed}, {@code write_closed} and {@code error} as mio's {@code Event} reads epoll's bits. */
    public static final String EVENT_FLAGS = "event-flags";
    /** Fibers: {@code slots} other than the default 4 in {@code fb.runtime_new}. */
    public static final String CONFIGURABLE_SLOTS = "configurable-slots";
    /** Fibers: {@code stack_size} other than the default 2 MiB in {@code fb.runtime_new}. */
    public static final String CONFIGURABLE_STACK_SIZE = "configurable-stack-size";
    /** Fibers: a fiber that exhausts its stack is stopped and reported as {@code StackOverflow}. */
    public static final String STACK_GUARD = "stack-guard";
    /** Fibers: a fiber call without a runtime is an error value, not a null-pointer dereference (FB-17). */
    public static final String RUNTIME_CHECK = "runtime-check";
    /** Fibers: the runtime's {@code run} returns to its caller, and the runtime runs again. */
    public static final String RUN_RETURNS = "run-returns";
    /**
     * Fibers, a declaration rather than a capability (no scenario requires it, so it is not in
     * {@link #ALL}): {@code run} ends the adapter's process, and the trace comes as {@code trace}
     * events (protocol.md §6.1).
     */
    public static final String RUN_ENDS_PROCESS = "run-ends-process";
    /** Coroutines: {@code join_all}'s value is its children's values, in the order given. */
    public static final String JOINED_VALUES = "joined-values";
    /** Wakers: {@code block_on} returns the root task's value. */
    public static final String BLOCK_ON_VALUE = "block-on-value";
    /**
     * Wakers: every call of a task's waker is reported as a {@code wake} entry, the reactor's too (the
     * book's {@code Waker} is a plain struct whose {@code wake} tells no one it was called).
     */
    public static final String WAKE_REPORTS = "wake-reports";
    /** Pinning: values pinned in a scope ({@code "pinning": "scope"}), which ends with {@code pn.scope_end}. */
    public static final String SCOPED_PINNING = "scoped-pinning";

    /** Every capability of this version: what a scenario's {@code @requires:} tag may name. */
    public static final List<String> ALL = List.of(EDGE_TRIGGERED, ONESHOT, REREGISTER, DEREGISTER, EVENT_QUEUE_WAKER,
            CROSS_THREAD_REGISTRY, ARGUMENT_CHECKS, EVENT_FLAGS, CONFIGURABLE_SLOTS, CONFIGURABLE_STACK_SIZE, STACK_GUARD,
            RUNTIME_CHECK, RUN_RETURNS, JOINED_VALUES, BLOCK_ON_VALUE, WAKE_REPORTS, SCOPED_PINNING);

    private Capability() {}
}
