package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java vocabulary and the schema say the same thing: every op declared in Java (a constant of type
 * {@link Op} anywhere in this module) has a definition under {@code $defs/ops} and the other way round,
 * the request routes each op to its args, each op's args and result records have exactly the schema's
 * fields, required-ness, types and enum values, and the error kinds and areas are the schema's.
 */
class OpsMatchSchemaTest {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.bundled();
    private static final JsonNode DEFS = SCHEMA.document().get("$defs");

    private static final List<Op<?, ?>> JAVA_OPS = findJavaOps();

    static List<Op<?, ?>> javaOps() {
        return JAVA_OPS;
    }

    /** Every {@code static final Op} in the protocol's packages: an area is found without being listed. */
    private static List<Op<?, ?>> findJavaOps() {
        List<Op<?, ?>> ops = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ack.protocol")) {
            for (Field field : type.reflect().getDeclaredFields()) {
                if (field.getType() == Op.class && Modifier.isStatic(field.getModifiers())) {
                    try {
                        ops.add((Op<?, ?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(field + " is not public", e);
                    }
                }
            }
        }
        return List.copyOf(ops);
    }

    @Test
    void javaAndTheSchemaDeclareTheSameOps() {
        Set<String> java = new TreeSet<>(javaOps().stream().map(Op::name).toList());
        assertThat(java).as("ops declared in Java (static Op constants)").isEqualTo(new TreeSet<>(SCHEMA.ops()));
        assertThat(javaOps()).as("each op declared once").doesNotHaveDuplicates();
    }

    @Test
    void everyAreaOpCarriesItsAreasPrefixAndSessionOpsNone() {
        for (Op<?, ?> op : javaOps()) {
            boolean session = SessionOps.ALL.contains(op);
            assertThat(op.area().isEmpty()).as(op + " belongs to an area unless it is a session op").isEqualTo(session);
        }
    }

    @Test
    void theRequestRoutesEveryOpToItsArgs() {
        Set<String> routed = new TreeSet<>();
        for (JsonNode branch : DEFS.path("request").path("allOf")) {
            String op = branch.path("if").path("properties").path("op").path("const").asText();
            String ref = branch.path("then").path("properties").path("args").path("$ref").asText();
            assertThat(ref).as("the request's branch for " + op).isEqualTo("#/$defs/ops/" + op + "/args");
            routed.add(op);
        }
        assertThat(routed).isEqualTo(new TreeSet<>(javaOps().stream().map(Op::name).toList()));
    }

    @TestFactory
    Stream<DynamicTest> everyOpsArgsAndResultHaveTheSchemasShape() {
        return javaOps().stream().map(op -> DynamicTest.dynamicTest(op.name(), () -> {
            List<String> differences = new ArrayList<>();
            JsonNode definition = DEFS.path("ops").path(op.name());
            differences.addAll(SchemaShape.differences(DEFS, op.args(), definition.path("args"), op + " args"));
            differences.addAll(SchemaShape.differences(DEFS, op.result(), definition.path("result"), op + " result"));
            assertThat(differences).isEmpty();
        }));
    }

    @Test
    void theErrorKindsAreTheSchemas() {
        assertThat(Stream.of(ErrorKind.values()).map(Enum::name).toList())
                .containsExactlyElementsOf(strings(DEFS.path("errorKind").path("enum")));
    }

    @Test
    void theAreasAreTheSchemas() {
        assertThat(Stream.of(Area.values()).map(Area::wireName).toList())
                .containsExactlyElementsOf(strings(DEFS.path("area").path("enum")));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
