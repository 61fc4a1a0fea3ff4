package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One line of the protocol: a request, a reply or an unsolicited event. */
public sealed interface Message {

    /** Runner to adapter. {@code args} is never null (an empty object when the line had none). */
    record Request(long id, String op, ObjectNode args) implements Message {}

    /**
     * Adapter to runner. {@code id} is null only for a {@code BadRequest} reply to a line whose id
     * could not be read. Exactly one of {@code result} and {@code error} is set.
     */
    record Reply(Long id, ObjectNode result, Failure error) implements Message {
        public boolean ok() { return error == null; }
    }

    /** The error part of a failed reply. {@code rawKind} keeps the wire text when it is not a known kind. */
    record Failure(ErrorKind kind, String rawKind, String message) {}

    /** Adapter to runner, unsolicited. */
    record Event(String event, String area, JsonNode data) implements Message {}
}
