package dev.ack.reference.pinning;

/**
 * What {@link Executor#blockOn} reports of a run.
 *
 * @param value           the root's value
 * @param shortcutApplied whether the root was polled before it was placed in the task list
 * @param requeued        how often the root went back into the task collection after a Pending poll
 */
public record ExecutorRun(String value, boolean shortcutApplied, int requeued) {}
