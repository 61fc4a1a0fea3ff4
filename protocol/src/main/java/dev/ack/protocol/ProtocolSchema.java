package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * spec/protocol.schema.json, bundled in this module, as a validator: the whole message, or one of
 * its definitions ({@code handshake}, {@code eqEvent}, …). The schema is the machine-readable
 * contract; whatever checks a line against it (the doctor, the runner's strict mode, the build's own
 * tests) goes through here, so there is one reading of it.
 */
public final class ProtocolSchema {
    private static final String RESOURCE = "/dev/ack/protocol/protocol.schema.json";
    private static final ProtocolSchema BUNDLED = load();

    private final ObjectNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> byDefinition = new ConcurrentHashMap<>();

    private ProtocolSchema(ObjectNode root) {
        this.root = root;
    }

    /** The schema this version of the kit speaks. */
    public static ProtocolSchema bundled() {
        return BUNDLED;
    }

    /** Reads a schema document, e.g. the repository's spec/protocol.schema.json in the build's own tests. */
    public static ProtocolSchema of(JsonNode document) {
        if (!document.isObject()) throw new IllegalArgumentException("a JSON schema is an object");
        return new ProtocolSchema((ObjectNode) document);
    }

    private static ProtocolSchema load() {
        try (InputStream in = ProtocolSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the protocol module was built without " + RESOURCE);
            return of(Codec.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code message} as a protocol line (request, reply or event); empty when it is valid. */
    public List<String> problems(JsonNode message) {
        return problems("", message);
    }

    /**
     * What is wrong with {@code node} as an instance of the definition {@code definition} (a name
     * under {@code $defs}, e.g. {@code "handshake"} or {@code "args/poll"}); the empty name is the
     * whole message. Empty when it is valid.
     */
    public List<String> problems(String definition, JsonNode node) {
        JsonSchema schema = byDefinition.computeIfAbsent(definition, this::compile);
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Whether the schema defines {@code definition} under {@code $defs}. */
    public boolean defines(String definition) {
        return !root.path("$defs").at("/" + definition).isMissingNode();
    }

    /** A definition is compiled with every other definition beside it, so its {@code $ref}s resolve. */
    private JsonSchema compile(String definition) {
        if (definition.isEmpty()) return factory.getSchema(root);
        if (!defines(definition)) throw new IllegalArgumentException("the protocol schema has no definition \"" + definition + "\"");
        ObjectNode part = Codec.JSON.createObjectNode();
        part.set("$schema", root.get("$schema"));
        part.set("$defs", root.get("$defs"));
        part.put("$ref", "#/$defs/" + definition);
        return factory.getSchema(part);
    }
}
