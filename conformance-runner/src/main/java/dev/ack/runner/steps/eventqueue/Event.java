package dev.ack.runner.steps.eventqueue;

import com.fasterxml.jackson.databind.JsonNode;

/** One event of a poll reply (protocol.md §5); the flags after readable/writable default to false. */
record Event(long token, boolean readable, boolean writable, boolean readClosed, boolean writeClosed, boolean error) {

    static Event from(JsonNode node) {
        JsonNode token = node.path("token");
        if (!token.canConvertToExactIntegral() || !token.canConvertToLong()) {
            throw new AssertionError("an event's token must be an integer in 0 ..= 2^53 - 1, the adapter sent " + node);
        }
        return new Event(token.asLong(), node.path("readable").asBoolean(), node.path("writable").asBoolean(),
                node.path("read_closed").asBoolean(), node.path("write_closed").asBoolean(), node.path("error").asBoolean());
    }

    Interests readiness() {
        return new Interests(readable, writable);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("token ").append(token);
        if (readable) text.append(" readable");
        if (writable) text.append(" writable");
        if (readClosed) text.append(" read_closed");
        if (writeClosed) text.append(" write_closed");
        if (error) text.append(" error");
        if (!(readable || writable || readClosed || writeClosed || error)) text.append(" (no flags)");
        return text.toString();
    }
}
