package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.ErrorKind;

/** What happened during one {@code fb.run}, entry by entry, in order (spec/protocol.md §6). */
final class Trace {
    private final ArrayNode entries = Codec.JSON.createArrayNode();

    ArrayNode entries() {
        return entries;
    }

    void log(int fiber, String text) {
        entry(fiber, "log").put("text", text);
    }

    void check(int fiber, String var, long expected, long actual) {
        entry(fiber, "check").put("var", var).put("expected", expected).put("actual", actual);
    }

    void spawned(int fiber, int id) {
        entry(fiber, "spawned").put("id", id);
    }

    void finished(int fiber) {
        entry(fiber, "finished");
    }

    void error(int fiber, ErrorKind kind, String message) {
        entry(fiber, "error").put("kind", kind.name()).put("message", message);
    }

    private ObjectNode entry(int fiber, String event) {
        return entries.addObject().put("fiber", fiber).put("event", event);
    }
}
