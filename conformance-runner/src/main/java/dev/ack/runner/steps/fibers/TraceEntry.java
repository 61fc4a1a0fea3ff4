package dev.ack.runner.steps.fibers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a run's trace (protocol.md §6) as the features write it: the fiber it is about, the
 * event, and the one detail that matters for that event (a log's text, a spawned fiber's id, an
 * error's kind, a failed check's values).
 */
record TraceEntry(long fiber, String event, String detail) {

    static TraceEntry from(JsonNode node) {
        if (!node.path("fiber").isIntegralNumber() || !node.path("event").isTextual()) {
            throw new AssertionError("a trace entry needs an integer \"fiber\" and a string \"event\", the adapter sent " + node);
        }
        String event = node.get("event").asText();
        String detail = switch (event) {
            case "log" -> node.path("text").asText();
            case "spawned" -> node.path("id").asText();
            case "error" -> node.path("kind").asText();
            case "check" -> node.path("var").asText() + " expected " + node.path("expected") + ", was " + node.path("actual");
            case "finished" -> "";
            default -> node.toString();
        };
        return new TraceEntry(node.get("fiber").asLong(), event, detail);
    }

    /** "fiber 1  log       THREAD 1 STARTING", so that expected and actual traces line up in messages. */
    @Override
    public String toString() {
        return String.format("fiber %-2d %-8s %s", fiber, event, detail).strip();
    }
}
