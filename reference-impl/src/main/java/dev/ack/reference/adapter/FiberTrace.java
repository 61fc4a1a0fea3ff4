package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.fibers.FiberTraceEntry;
import java.util.ArrayList;
import java.util.List;

/** What happened during one {@code fb.run}, entry by entry, in order (spec/protocol.md §6). */
final class FiberTrace {
    private final List<FiberTraceEntry> entries = new ArrayList<>();

    List<FiberTraceEntry> entries() {
        return List.copyOf(entries);
    }

    void log(int fiber, String text) {
        entries.add(new FiberTraceEntry.Log(fiber, text));
    }

    void check(int fiber, String var, long expected, long actual) {
        entries.add(new FiberTraceEntry.Check(fiber, var, expected, actual));
    }

    void spawned(int fiber, int id) {
        entries.add(new FiberTraceEntry.Spawned(fiber, id));
    }

    void finished(int fiber) {
        entries.add(new FiberTraceEntry.Finished(fiber));
    }

    void error(int fiber, ErrorKind kind, String message) {
        entries.add(new FiberTraceEntry.Error(fiber, kind, message));
    }
}
