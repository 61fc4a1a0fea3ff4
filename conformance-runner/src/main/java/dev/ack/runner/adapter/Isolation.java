package dev.ack.runner.adapter;

/**
 * How long one adapter process serves (spec/protocol.md §3.2): the whole run, one feature file or one
 * scenario. A fresh process per scenario is for implementations whose runtime or reactor lives as long
 * as their process (the book's reactor is a process-wide once-cell with an endless thread), which
 * {@code reset} cannot release.
 */
public enum Isolation {
    /** One adapter for the run; a faulted one is replaced at the next scenario. */
    NONE,
    /** A fresh adapter for every feature file. */
    FEATURE,
    /** A fresh adapter for every scenario. */
    SCENARIO
}
