package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A request's {@code args}, read by name and type. Anything missing or of the wrong type is the
 * runner's mistake, answered with {@code BadRequest}; fields nobody asks for are ignored (spec §7).
 */
final class Args {
    private final ObjectNode node;

    public Args(ObjectNode node) {
        this.node = node;
    }

    /** A handle: a positive integer. */
    public long handle(String name) {
        return integer(name, 1, Long.MAX_VALUE);
    }

    /** An integer in {@code min ..= max}. */
    public long integer(String name, long min, long max) {
        return integerOrNull(name, min, max)
                .orElseThrow(() -> badRequest("\"" + name + "\" must be an integer, not null"));
    }

    /** An optional integer in {@code min ..= max}: {@code absent} when it is missing or null. */
    public long integer(String name, long min, long max, long absent) {
        return node.has(name) ? integerOrNull(name, min, max).orElse(absent) : absent;
    }

    /** An integer in {@code min ..= max}, or null (present, but null). */
    public OptionalLong integerOrNull(String name, long min, long max) {
        JsonNode value = required(name);
        if (value.isNull()) return OptionalLong.empty();
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.asLong() < min || value.asLong() > max) {
            throw badRequest("\"" + name + "\" must be an integer in " + min + "..=" + max + ", not " + value);
        }
        return OptionalLong.of(value.asLong());
    }

    public String string(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) throw badRequest("\"" + name + "\" must be a string, not " + value);
        return value.asText();
    }

    public String string(String name, String absent) {
        return node.has(name) ? string(name) : absent;
    }

    public boolean bool(String name, boolean absent) {
        if (!node.has(name)) return absent;
        JsonNode value = node.get(name);
        if (!value.isBoolean()) throw badRequest("\"" + name + "\" must be true or false, not " + value);
        return value.asBoolean();
    }

    public List<String> strings(String name) {
        return array(name, JsonNode::isTextual, "strings").stream().map(JsonNode::asText).toList();
    }

    /** An array of nested args objects. */
    public List<Args> objects(String name) {
        return array(name, JsonNode::isObject, "objects").stream().map(e -> new Args((ObjectNode) e)).toList();
    }

    /** A nested args object, when present and not null. */
    public Optional<Args> object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isObject()) throw badRequest("\"" + name + "\" must be an object, not " + value);
        return Optional.of(new Args((ObjectNode) value));
    }

    /** The elements of an array whose every element {@code is} one of {@code what}. */
    private List<JsonNode> array(String name, Predicate<JsonNode> is, String what) {
        JsonNode value = required(name);
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        if (!value.isArray() || !elements.stream().allMatch(is)) {
            throw badRequest("\"" + name + "\" must be an array of " + what + ", not " + value);
        }
        return elements;
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null) throw badRequest("missing \"" + name + "\"");
        return value;
    }

    public static ProtocolError badRequest(String message) {
        return new ProtocolError(ErrorKind.BadRequest, message);
    }
}
