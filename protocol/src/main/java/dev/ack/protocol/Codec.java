package dev.ack.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns protocol messages into single JSON lines and back. Parsing is strict about the envelope
 * (what makes a line a request, reply or event) and lenient about the rest, as spec/protocol.md §7
 * asks: unknown fields are ignored.
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

    private Codec() {}

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

    public static Message.Reply success(long id, ObjectNode result) {
        return new Message.Reply(id, result, null);
    }

    public static Message.Reply failure(Long id, ErrorKind kind, String message) {
        return new Message.Reply(id, null, new Message.Failure(kind, kind.name(), message));
    }

    /** Parses a line from an adapter: a reply or an event. */
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
     * Parses a line from the runner. A malformed request becomes a {@link ProtocolError} of kind
     * {@code BadRequest} carrying the id when it could be read, so the adapter can answer it.
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

        public Long id() { return id; }
    }
}
