package dev.ack.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Compares a Java type of the protocol with the schema definition it stands for, the way Jackson maps
 * it: a record's components are the object's properties (snake_case), a component is optional exactly
 * when it is left out of the JSON ({@code @JsonInclude} other than ALWAYS), a sealed type's subtypes are
 * the values of its type property and each has the properties of its conditional branch, an enum's
 * constants are the schema's enum, and lists are arrays of their elements. Returns the differences.
 */
final class SchemaShape {
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final JsonNode defs;
    private final List<String> problems = new ArrayList<>();
    /** Pairs of Java type and definition already compared: programs contain programs. */
    private final Set<String> compared = new java.util.HashSet<>();

    private SchemaShape(JsonNode defs) {
        this.defs = defs;
    }

    static List<String> differences(JsonNode defs, Type java, JsonNode schema, String where) {
        SchemaShape shape = new SchemaShape(defs);
        shape.compare(java, schema, where);
        return shape.problems;
    }

    private void compare(Type java, JsonNode schema, String where) {
        schema = resolve(schema);
        if (!compared.add(java.getTypeName() + "@" + System.identityHashCode(schema))) return;
        if (java instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!types(schema).contains("array")) problems.add(where + ": Java has a list, the schema " + schema);
            else compare(list.getActualTypeArguments()[0], schema.path("items"), where + "[]");
            return;
        }
        Class<?> type = (Class<?>) java;
        if (type == String.class) expectType(schema, "string", where);
        else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) expectType(schema, "integer", where);
        else if (type == boolean.class || type == Boolean.class) expectType(schema, "boolean", where);
        else if (type == double.class || type == Double.class) expectType(schema, "number", where);
        else if (type.isEnum()) compareEnum(type, schema, where);
        else if (type.isRecord()) compareObject(type, properties(schema, List.of()), required(schema, List.of()), where);
        else if (type.isSealed() && type.isAnnotationPresent(JsonTypeInfo.class)) compareSubtypes(type, schema, where);
        else problems.add(where + ": no rule for Java type " + type);
    }

    private void compareSubtypes(Class<?> sealed, JsonNode schema, String where) {
        String typeProperty = sealed.getAnnotation(JsonTypeInfo.class).property();
        Set<String> javaNames = new TreeSet<>();
        for (JsonSubTypes.Type sub : sealed.getAnnotation(JsonSubTypes.class).value()) {
            javaNames.add(sub.name());
            List<JsonNode> branches = branchesFor(schema, typeProperty, sub.name());
            Map<String, JsonNode> properties = properties(schema, branches);
            properties.remove(typeProperty);
            Set<String> required = required(schema, branches);
            required.remove(typeProperty);
            compareObject(sub.value(), properties, required, where + "{" + typeProperty + ": " + sub.name() + "}");
        }
        Set<String> schemaNames = strings(resolve(schema.path("properties").path(typeProperty)).path("enum"));
        if (!javaNames.equals(schemaNames)) {
            problems.add(where + ": the kinds of " + typeProperty + " differ: Java " + javaNames + ", schema " + schemaNames);
        }
    }

    private void compareObject(Class<?> record, Map<String, JsonNode> properties, Set<String> required, String where) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) components.put(SNAKE.translate(c.getName()), c);
        if (!components.keySet().equals(properties.keySet())) {
            problems.add(where + ": the fields differ: Java " + new TreeSet<>(components.keySet()) + ", schema "
                    + new TreeSet<>(properties.keySet()));
            return;
        }
        components.forEach((name, component) -> {
            boolean optionalInJava = optional(component);
            if (optionalInJava == required.contains(name)) {
                problems.add(where + "." + name + ": " + (optionalInJava ? "optional in Java, required in the schema"
                        : "required in Java (always written), optional in the schema"));
            }
            compare(component.getGenericType(), properties.get(name), where + "." + name);
        });
    }

    /** Left out of the JSON when absent: the way a record says a field is optional. */
    private static boolean optional(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS;
    }

    private void compareEnum(Class<?> type, JsonNode schema, String where) {
        Set<String> java = new TreeSet<>();
        for (Object constant : type.getEnumConstants()) java.add(wireName((Enum<?>) constant));
        Set<String> wire = strings(schema.has("const") ? Codec.JSON.createArrayNode().add(schema.get("const")) : schema.path("enum"));
        // an entry names the few kinds it may carry; every other enum lists exactly the schema's values
        boolean fits = type == ErrorKind.class ? java.containsAll(wire) && !wire.isEmpty() : java.equals(wire);
        if (!fits) problems.add(where + ": the values differ: Java " + java + ", schema " + wire);
    }

    private static String wireName(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expectType(JsonNode schema, String type, String where) {
        if (!types(schema).contains(type)) problems.add(where + ": Java has " + type + ", the schema " + schema);
    }

    /** The JSON types a definition allows, looking through {@code oneOf} and the types of its {@code enum}. */
    private Set<String> types(JsonNode schema) {
        schema = resolve(schema);
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) types.add(type.asText());
        type.forEach(t -> types.add(t.asText()));
        schema.path("oneOf").forEach(branch -> types.addAll(types(branch)));
        schema.path("enum").forEach(value -> { if (value.isTextual()) types.add("string"); });
        return types;
    }

    /** The properties of an object definition and of the given conditional branches. */
    private Map<String, JsonNode> properties(JsonNode schema, List<JsonNode> branches) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        branches.forEach(b -> b.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue())));
        return properties;
    }

    private Set<String> required(JsonNode schema, List<JsonNode> branches) {
        Set<String> required = strings(schema.path("required"));
        branches.forEach(b -> required.addAll(strings(b.path("required"))));
        return required;
    }

    /** The {@code then} of every {@code allOf} branch whose {@code if} holds for {@code property = value}. */
    private List<JsonNode> branchesFor(JsonNode schema, String property, String value) {
        List<JsonNode> branches = new ArrayList<>();
        for (JsonNode branch : schema.path("allOf")) {
            JsonNode condition = branch.path("if").path("properties").path(property);
            if (condition.path("const").asText().equals(value) || strings(condition.path("enum")).contains(value)) {
                branches.add(branch.path("then"));
            }
        }
        return branches;
    }

    /** Follows {@code $ref}s, and a nullable {@code oneOf} of null and one definition, to the definition. */
    private JsonNode resolve(JsonNode schema) {
        while (true) {
            if (schema.has("$ref")) {
                schema = defs.at(schema.get("$ref").asText().substring("#/$defs".length()));
            } else if (schema.path("oneOf").size() == 2 && schema.get("oneOf").get(0).path("type").asText().equals("null")) {
                schema = schema.get("oneOf").get(1);
            } else {
                return schema;
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        StreamSupport.stream(array.spliterator(), false).filter(JsonNode::isTextual).map(JsonNode::asText).forEach(values::add);
        return values;
    }
}
