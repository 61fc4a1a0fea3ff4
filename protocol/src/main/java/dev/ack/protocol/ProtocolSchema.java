package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.PathType;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * spec/protocol.schema.json, bundled in this module, as a validator: the whole message, an op's args
 * or result ({@code $defs/ops/<op>/args}, {@code .../result}), or any other of its definitions. The
 * schema is the machine-readable contract; whatever checks a line against it (the runner's strict
 * mode, the reference adapter's reading of requests, the build's own tests) goes through here, so
 * there is one reading of it. Each definition is compiled once, on first use or by {@link #prepare()}.
 */
public final class ProtocolSchema {
    private static final String RESOURCE = "/dev/ack/protocol/protocol.schema.json";
    /**
     * Draft 2020-12, quiet about keywords it does not know: {@code $defs/ops} maps op names to their args
     * and result, and an op's name is no keyword (the default would log a warning for each).
     */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build()));
    private static final ProtocolSchema BUNDLED = load();

    private final ObjectNode root;
    /** The document compiled, once, on first use; each definition is a part of it. */
    private JsonSchema whole;
    /** The compiled definitions by path under {@code $defs}; the empty path is the whole document. */
    private final Map<String, JsonSchema> byDefinition = new ConcurrentHashMap<>();
    /**
     * Each op's verdict on empty args, worked out by {@link #prepare()}: many requests ({@code reset} first)
     * have none, and the validator's answer for the same instance never changes.
     */
    private final Map<String, List<String>> emptyArgsProblems = new ConcurrentHashMap<>();

    private ProtocolSchema(ObjectNode root) {
        this.root = root;
    }

    /** {@return the schema this version of the kit speaks} */
    public static ProtocolSchema bundled() {
        return BUNDLED;
    }

    /**
     * Reads a schema document, e.g. the repository's spec/protocol.schema.json in the build's own tests.
     *
     * @param document the schema
     * @return the validator
     */
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

    /** {@return the schema document itself, for tests that compare it with the Java types} */
    public ObjectNode document() {
        return root;
    }

    /** {@return the wire names of the ops the schema defines, in its order} */
    public List<String> ops() {
        List<String> ops = new ArrayList<>();
        root.path("$defs").path("ops").properties().forEach(op -> { if (op.getValue().isObject()) ops.add(op.getKey()); });
        return ops;
    }

    /**
     * Compiles the messages' definitions and every op's args and result now, not at their first use: the
     * first request of a kind is then checked as fast as the next, and timing rules measure requests.
     *
     * @return this schema
     */
    public ProtocolSchema prepare() {
        List<String> definitions = new ArrayList<>(List.of("", "request", "reply", "event"));
        ops().forEach(op -> definitions.addAll(List.of("ops/" + op + "/args", "ops/" + op + "/result")));
        // the validator builds a definition's parts ($refs and all) lazily, at its first validation: build them now
        definitions.forEach(definition -> byDefinition.computeIfAbsent(definition, this::compile).initializeValidators());
        ops().forEach(op -> emptyArgsProblems.put(op, opProblems(op, "args", Codec.JSON.createObjectNode())));
        return this;
    }

    /**
     * What is wrong with {@code message} as a protocol line.
     *
     * @param message a request, reply or event
     * @return the schema's complaints, each naming where (e.g. {@code $.result.poll}); empty when it is valid
     */
    public List<String> problems(JsonNode message) {
        return problems("", message);
    }

    /**
     * What is wrong with {@code args} as the args of {@code op}.
     *
     * @param op   an op's wire name
     * @param args the args
     * @return the schema's complaints; one when the schema has no such op; empty when they are valid
     */
    public List<String> argsProblems(String op, JsonNode args) {
        List<String> known = args.isObject() && args.isEmpty() ? emptyArgsProblems.get(op) : null;
        if (known != null) return known;
        return opProblems(op, "args", args);
    }

    /**
     * What is wrong with {@code result} as the result of a successful {@code op}.
     *
     * @param op     an op's wire name
     * @param result the result
     * @return the schema's complaints; one when the schema has no such op; empty when it is valid
     */
    public List<String> resultProblems(String op, JsonNode result) {
        return opProblems(op, "result", result);
    }

    private List<String> opProblems(String op, String part, JsonNode node) {
        String definition = "ops/" + op;
        if (op.isEmpty() || !defines(definition)) return List.of("the protocol has no op \"" + op + "\"");
        return problems(definition + "/" + part, node);
    }

    /**
     * What is wrong with {@code node} as an instance of one definition.
     *
     * @param definition a path under {@code $defs}, e.g. {@code "eqEvent"} or {@code "ops/eq.poll/args"}; the
     *                   empty path is the whole message
     * @param node       the instance
     * @return the schema's complaints; empty when it is valid
     */
    public List<String> problems(String definition, JsonNode node) {
        JsonSchema schema = byDefinition.computeIfAbsent(definition, this::compile);
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Whether the schema has a definition.
     *
     * @param definition a path under {@code $defs}
     * @return whether it is there
     */
    public boolean defines(String definition) {
        return !root.path("$defs").at("/" + definition).isMissingNode();
    }

    /** A definition is the part of the compiled document where it stands, so its {@code $ref}s resolve. */
    private JsonSchema compile(String definition) {
        if (definition.isEmpty()) return whole();
        if (!defines(definition)) throw new IllegalArgumentException("the protocol schema has no definition \"" + definition + "\"");
        JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER).append("$defs");
        for (String name : definition.split("/")) path = path.append(name);
        return whole().getSubSchema(path);
    }

    private synchronized JsonSchema whole() {
        if (whole == null) whole = FACTORY.getSchema(root);
        return whole;
    }
}
