package dev.ack.runner.steps.fibers;

import dev.ack.protocol.fibers.FiberTraceEntry;

/**
 * One entry of a run's trace (protocol.md §6) as the features write it: the fiber it is about, the
 * event, and the one detail that matters for that event (a log's text, a spawned fiber's id, an
 * error's kind, a failed check's values).
 */
public record FiberTraceLine(long fiber, String event, String detail) {

    public static FiberTraceLine of(FiberTraceEntry entry) {
        return switch (entry) {
            case FiberTraceEntry.Log log -> new FiberTraceLine(log.fiber(), "log", log.text());
            case FiberTraceEntry.Spawned spawned -> new FiberTraceLine(spawned.fiber(), "spawned", Long.toString(spawned.id()));
            case FiberTraceEntry.Error error -> new FiberTraceLine(error.fiber(), "error", String.valueOf(error.kind()));
            case FiberTraceEntry.Check check -> new FiberTraceLine(check.fiber(), "check",
                    check.var() + " expected " + check.expected() + ", was " + check.actual());
            case FiberTraceEntry.Finished finished -> new FiberTraceLine(finished.fiber(), "finished", "");
        };
    }

    /** "fiber 1  log       THREAD 1 STARTING", so that expected and actual traces line up in messages. */
    @Override
    public String toString() {
        return String.format("fiber %-2d %-8s %s", fiber, event, detail).strip();
    }
}
