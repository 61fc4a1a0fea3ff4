package dev.ack.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Collectors;

/**
 * Turns protocol messages into single JSON lines and back, and payloads (args and results) into the
 * records of the ops ({@link Op}) and back. Parsing is strict about the envelope (what makes a line a
 * request, reply or event) and lenient about the rest, as spec/protocol.md §9 asks: unknown fields are
 * ignored.
 */
public final class Codec {
    /**
     * Trailing tokens fail, so two messages merged onto one line are caught, not half-read. Strings
     * have no length limit of their own (Jackson's default stops at 20 MB): the protocol sets none,
     * and whoever reads a line bounds the line.
     */
    public static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Records to payloads and back: snake_case wire names, unknown fields ignored, and no coercion
     * between JSON types (a {@code "1"} is not a number, a {@code 1.5} not an integer). A missing field
     * reads as null, 0 or false: whether it may be missing is the schema's to say, which the reference
     * adapter and the runner's strict mode check before binding.
     */
    private static final ObjectMapper PAYLOADS = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Codec() {}

    /**
     * An op's args or result as its JSON object.
     *
     * @param payload a record of an op ({@link Op#args()}, {@link Op#result()})
     * @return its JSON object, with the wire's names
     */
    public static ObjectNode toJson(Object payload) {
        return PAYLOADS.valueToTree(payload);
    }

    /**
     * Binds a payload to its record.
     *
     * @param payload the JSON object of args or a result
     * @param type    the record, e.g. {@link Op#args()}
     * @param <T>     the record's type
     * @return the record
     * @throws IllegalArgumentException when the payload does not fit the record (a wrong type, an unknown
     *                                  kind of instruction), saying where
     */
    public static <T> T fromJson(JsonNode payload, Class<T> type) {
        try {
            return PAYLOADS.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + where(e), e);
        }
    }

    /** Where in the payload binding failed, as Jackson names it: {@code " (at program[0]->text)"}. */
    private static String where(JsonProcessingException e) {
        return e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " (at " + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) + ")"
                : "";
    }

    /**
     * A message as its line, without the newline.
     *
     * @param message a request, reply or event
     * @return one line of JSON
     */
    public static String encode(Message message) {
        ObjectNode node = JSON.createObjectNode();
        switch (message) {
            case Message.Request r -> {
                node.put("id", r.id());
                node.put("op", r.op());
                node.set("args", r.args());
            }
            case Message.Reply r -> {
                if (r.id() == null) node.putNull("id"); else node.put("id", r.id());
                node.put("ok", r.ok());
                if (r.ok()) {
                    node.set("result", r.result());
                } else {
                    ObjectNode error = node.putObject("error");
                    error.put("kind", r.error().rawKind());
                    error.put("message", r.error().message());
                }
            }
            case Message.Event e -> {
                node.put("event", e.event());
                if (e.area() != null) node.put("area", e.area());
                node.set("data", e.data());
            }
        }
        return node.toString();
    }

    /**
     * The line of a successful reply, the result written straight from its record: what
     * {@code encode(success(id, toJson(result)))} gives, without building two trees on the way (an
     * adapter sends this line for almost every request).
     *
     * @param id     the request's id
     * @param result a result record of an op ({@link Op#result()})
     * @return one line of JSON, without the newline
     * @throws IllegalArgumentException when the result cannot be written as JSON
     */
    public static String encodeSuccess(long id, Object result) {
        StringWriter line = new StringWriter();
        try (JsonGenerator reply = JSON.createGenerator(line)) {
            reply.writeStartObject();
            reply.writeNumberField("id", id);
            reply.writeBooleanField("ok", true);
            reply.writeFieldName("result");
            // most ops answer {}: written as it is, without a serializer provider made for it
            if (result instanceof Empty) {
                reply.writeStartObject();
                reply.writeEndObject();
            } else {
                PAYLOADS.writeValue(reply, result);
            }
            reply.writeEndObject();
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return line.toString();
    }

    /**
     * A successful reply.
     *
     * @param id     the request's id
     * @param result the result
     * @return the reply
     */
    public static Message.Reply success(long id, ObjectNode result) {
        return new Message.Reply(id, result, null);
    }

    /**
     * An error reply.
     *
     * @param id      the request's id, or null when it could not be read
     * @param kind    the error's kind
     * @param message for humans
     * @return the reply
     */
    public static Message.Reply failure(Long id, ErrorKind kind, String message) {
        return new Message.Reply(id, null, new Message.Failure(kind, kind.name(), message));
    }

    /**
     * Parses a line from an adapter.
     *
     * @param line the line, without its newline
     * @return a reply or an event
     * @throws MalformedMessageException when the line is not one
     */
    public static Message parseFromAdapter(String line) throws MalformedMessageException {
        ObjectNode node = parseObject(line);
        if (node.has("event")) {
            JsonNode event = node.get("event");
            if (!event.isTextual()) throw new MalformedMessageException("\"event\" must be a string", line);
            JsonNode area = node.get("area");
            return new Message.Event(event.asText(), area == null || area.isNull() ? null : area.asText(),
                    node.path("data"));
        }
        if (!node.has("id") || !node.has("ok")) {
            throw new MalformedMessageException("a reply needs \"id\" and \"ok\"; an event needs \"event\"", line);
        }
        JsonNode id = node.get("id");
        if (!(id.isIntegralNumber() || id.isNull())) {
            throw new MalformedMessageException("\"id\" must be an integer, not " + id + " (the id of the request, as sent)", line);
        }
        // an id past 64 bits would wrap around in asLong() and answer the wrong request
        if (id.isIntegralNumber() && !(id.canConvertToLong() && id.asLong() > 0)) {
            throw new MalformedMessageException("\"id\" " + id + " is out of range: request ids are 1 to 2^63-1 (the id of the request, as sent)", line);
        }
        Long replyId = id.isNull() ? null : id.asLong();
        JsonNode ok = node.get("ok");
        if (!ok.isBoolean()) throw new MalformedMessageException("\"ok\" must be true or false", line);
        if (ok.asBoolean()) {
            JsonNode result = node.get("result");
            if (result == null || !result.isObject()) {
                throw new MalformedMessageException("a successful reply needs an object \"result\" ({} when empty)", line);
            }
            return new Message.Reply(replyId, (ObjectNode) result, null);
        }
        JsonNode error = node.get("error");
        if (error == null || !error.isObject() || !error.path("kind").isTextual()) {
            throw new MalformedMessageException("a failed reply needs \"error\": {\"kind\": ..., \"message\": ...}", line);
        }
        String rawKind = error.get("kind").asText();
        return new Message.Reply(replyId, null, new Message.Failure(
                ErrorKind.parse(rawKind).orElse(null), rawKind, error.path("message").asText("")));
    }

    /**
     * Parses a line from the runner.
     *
     * @param line the line, without its newline
     * @return the request
     * @throws MalformedRequestException when the line is not a request; it carries the id when it could
     *                                   be read, so the adapter can answer {@code BadRequest}
     */
    public static Message.Request parseRequest(String line) throws MalformedRequestException {
        ObjectNode node;
        try {
            node = parseObject(line);
        } catch (MalformedMessageException e) {
            throw new MalformedRequestException(null, e.getMessage());
        }
        JsonNode id = node.get("id");
        Long requestId = id != null && id.isIntegralNumber() ? id.asLong() : null;
        if (requestId == null) throw new MalformedRequestException(null, "a request needs an integer \"id\"");
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual()) throw new MalformedRequestException(requestId, "a request needs a string \"op\"");
        JsonNode args = node.get("args");
        if (args != null && !args.isObject() && !args.isNull()) {
            throw new MalformedRequestException(requestId, "\"args\" must be an object");
        }
        ObjectNode argsObject = args == null || args.isNull() ? JSON.createObjectNode() : (ObjectNode) args;
        return new Message.Request(requestId, op.asText(), argsObject);
    }

    private static ObjectNode parseObject(String line) throws MalformedMessageException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage(), line);
        }
        if (node == null || !node.isObject()) throw new MalformedMessageException("not a JSON object", line);
        return (ObjectNode) node;
    }

    /** A request line the adapter cannot serve; {@link #id()} is null when the id was unreadable. */
    public static final class MalformedRequestException extends Exception {
        private final Long id;

        MalformedRequestException(Long id, String reason) {
            super(reason);
            this.id = id;
        }

        /** {@return the request's id, or null when it could not be read} */
        public Long id() { return id; }
    }
}
