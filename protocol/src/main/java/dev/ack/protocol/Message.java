package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One line of the protocol: a request, a reply or an unsolicited event. */
public sealed interface Message {

    /**
     * Runner to adapter.
     *
     * @param id   positive, unique within a session
     * @param op   the op's wire name
     * @param args never null: an empty object when the line had none
     */
    record Request(long id, String op, ObjectNode args) implements Message {}

    /**
     * Adapter to runner. Exactly one of {@code result} and {@code error} is set.
     *
     * @param id     the request's id; null only for a {@code BadRequest} reply to a line whose id could not be read
     * @param result the result of a success
     * @param error  the error of a failure
     */
    record Reply(Long id, ObjectNode result, Failure error) implements Message {
        /** {@return whether the request succeeded} */
        public boolean ok() { return error == null; }
    }

    /**
     * The error part of a failed reply.
     *
     * @param kind    the kind, or null when the wire named no known kind
     * @param rawKind the wire text of the kind
     * @param message for humans
     */
    record Failure(ErrorKind kind, String rawKind, String message) {}

    /**
     * Adapter to runner, unsolicited.
     *
     * @param event what kind of event ({@code trace} in version 1)
     * @param area  the area it is about, or null
     * @param data  its contents
     */
    record Event(String event, String area, JsonNode data) implements Message {}
}
