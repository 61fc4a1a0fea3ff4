package dev.ack.runner.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Message;
import dev.ack.protocol.ProtocolSchema;
import dev.ack.protocol.SessionOps;

import java.util.List;
import java.util.Optional;

/**
 * Strict mode ({@code --strict}): every line the runner sends and receives is checked against
 * spec/protocol.schema.json. A request that breaks it is a bug of the runner and stops the run loudly;
 * a reply or event that breaks it is the adapter's protocol error. Off, it checks nothing: the steps
 * read what they need and ignore the rest.
 *
 * <p>What the codec already guarantees is not checked twice: a request's envelope is the codec's own, so
 * its args are checked against the op's definition ({@code $defs/ops/<op>/args}); a successful reply's
 * envelope was read by the codec, so its result is checked against the op's result definition. Error
 * replies and events, rare, are checked whole.
 */
public final class SchemaCheck {
    private static final SchemaCheck OFF = new SchemaCheck(null);

    private final ProtocolSchema schema;

    private SchemaCheck(ProtocolSchema schema) {
        this.schema = schema;
    }

    public static SchemaCheck of(boolean strict) {
        return strict ? new SchemaCheck(ProtocolSchema.bundled().prepare()) : OFF;
    }

    public boolean strict() { return schema != null; }

    /** Checks a request the runner built; deliberately malformed lines go out raw and are not checked. */
    void sent(String op, ObjectNode args, String line) {
        if (schema == null) return;
        List<String> problems = schema.argsProblems(op, args);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("strict mode: the runner's own `" + op + "` request breaks the protocol's schema, "
                    + "a bug in the runner: " + String.join("; ", problems) + "\n  the line was: " + line);
        }
    }

    /**
     * What is wrong with a line the adapter sent, if anything: a reply to {@code op} (a success's result
     * checked against the op's definition when the schema has one) or an event.
     */
    Optional<String> received(String line, Message message, String op) {
        if (schema == null) return Optional.empty();
        return switch (message) {
            case Message.Event event -> complaint("an event", "$defs/event", schema.problems("event", parse(line)), line);
            case Message.Reply reply when !reply.ok() -> complaint("the reply to `" + op + "`", "$defs/reply",
                    schema.problems("reply", parse(line)), line);
            // the handshake checks its own reply against the schema in every mode, naming each fault exactly
            case Message.Reply reply when op.equals(SessionOps.HELLO.name()) -> Optional.empty();
            case Message.Reply reply when schema.defines("ops/" + op) -> complaint("the result of `" + op + "`",
                    "$defs/ops/" + op + "/result", schema.resultProblems(op, reply.result()), line);
            case Message.Reply reply -> Optional.empty();
            case Message.Request request -> Optional.of("an adapter sent a request: " + line);
        };
    }

    private static Optional<String> complaint(String what, String definition, List<String> problems, String line) {
        if (problems.isEmpty()) return Optional.empty();
        return Optional.of(what + " breaks the protocol's schema (" + definition + "): " + String.join("; ", problems)
                + "\n  the line was: " + line
                + "\nhint: spec/protocol.md and spec/protocol.schema.json describe every field; run without --strict to check only what the rules need");
    }

    private static JsonNode parse(String line) {
        try {
            return Codec.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
    }
}
