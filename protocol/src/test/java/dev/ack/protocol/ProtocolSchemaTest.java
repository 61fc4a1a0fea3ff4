package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spec/protocol.md and spec/protocol.schema.json say the same thing: every JSON example in the text
 * validates against the schema, the codec's own output does too, and broken messages do not.
 */
class ProtocolSchemaTest {
    private static final Path SPEC = Path.of("..", "spec");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private final ProtocolSchema protocol = ProtocolSchema.bundled();

    @Test
    void everyExampleInTheProtocolTextValidates() throws Exception {
        String text = Files.readString(SPEC.resolve("protocol.md"));
        Matcher m = JSON_BLOCK.matcher(text);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        while (m.find()) {
            JsonNode example = Codec.JSON.readTree(m.group(1));
            List<String> errors = new ArrayList<>(protocol.problems(example.has("token") ? "eqEvent" : "", example));
            if (example.path("result").has("capabilities")) errors.addAll(protocol.problems("handshake", example.get("result")));
            if (!errors.isEmpty()) problems.add(m.group(1).strip() + " -> " + errors);
            checked++;
        }
        assertThat(checked).as("JSON examples in protocol.md").isGreaterThanOrEqualTo(6);
        assertThat(problems).isEmpty();
    }

    @Test
    void theCodecsMessagesValidate() throws Exception {
                for (Message msg : List.of(
                Codec.success(3, Codec.JSON.createObjectNode().put("poll", 1)),
                Codec.failure(4L, ErrorKind.NotRegistered, "fd 7"),
                Codec.failure(null, ErrorKind.BadRequest, "not JSON"),
                new Message.Request(5, "eq.poll", (ObjectNode) Codec.JSON.readTree(
                        "{\"poll\":1,\"events\":2,\"timeout_ms\":null,\"concurrently\":{\"after_ms\":50,\"action\":\"wake\",\"waker\":3}}")),
                new Message.Request(6, "fb.run", (ObjectNode) Codec.JSON.readTree(
                        "{\"runtime\":1,\"program\":[{\"do\":\"spawn\",\"body\":[{\"do\":\"repeat\",\"times\":2,\"var\":\"i\","
                                + "\"body\":[{\"do\":\"log\",\"text\":\"{i}\"},{\"do\":\"yield\"}]}]}]}")))) {
            assertThat(protocol.problems(Codec.JSON.readTree(Codec.encode(msg)))).as(Codec.encode(msg)).isEmpty();
        }
    }

    @Test
    void fibersTraceEntriesValidateAndBrokenOnesDoNot() throws Exception {
                for (String good : List.of("{\"fiber\":0,\"event\":\"spawned\",\"id\":2}", "{\"fiber\":2,\"event\":\"finished\"}",
                "{\"fiber\":1,\"event\":\"check\",\"var\":\"x\",\"expected\":5,\"actual\":0}",
                "{\"fiber\":0,\"event\":\"error\",\"kind\":\"NoFreeSlot\",\"message\":\"all 4 slots taken\"}")) {
            assertThat(protocol.problems("fbTraceEntry", Codec.JSON.readTree(good))).as(good).isEmpty();
        }
        for (String broken : List.of("{\"fiber\":0,\"event\":\"log\"}", "{\"fiber\":0,\"event\":\"error\",\"kind\":\"WouldBlock\"}")) {
            assertThat(protocol.problems("fbTraceEntry", Codec.JSON.readTree(broken))).as(broken).isNotEmpty();
        }
    }

    @Test
    void coroutineProgramsAndTraceEntriesValidateAndBrokenOnesDoNot() throws Exception {
                for (String good : List.of("""
                {"id":1,"op":"co.create","args":{"program":[
                  {"do":"create","name":"c","program":[
                    {"do":"wait","leaf":{"kind":"http","port":8080,"path":"/600/hello"},"into":"x"}]},
                  {"do":"join_all","children":["c"],"into":"all"},{"do":"return","value":"{all}"}]}}""", """
                {"id":2,"op":"wk.block_on","args":{"executor":"exec-1","program":[
                  {"do":"keep_waker","name":"w"},{"do":"wait","leaf":{"kind":"manual","name":"A"}},
                  {"do":"create","name":"c","program":[]},{"do":"poll_detached","child":"c"},{"do":"spawn","child":"c"}]}}""",
                """
                {"id":3,"op":"wk.park","args":{"parker":4,"unpark_after_ms":200}}""")) {
            assertThat(protocol.problems(Codec.JSON.readTree(good))).as(good).isEmpty();
        }
        for (String broken : List.of("""
                {"id":1,"op":"co.create","args":{"program":[{"do":"wait","into":"x"}]}}""", """
                {"id":1,"op":"co.create","args":{"program":[{"do":"wait","leaf":{"kind":"timer","name":"A"}}]}}""", """
                {"id":1,"op":"wk.run_wait","args":{"run":1}}""")) {
            assertThat(protocol.problems(Codec.JSON.readTree(broken))).as(broken).isNotEmpty();
        }
                for (String good : List.of("""
                {"event":"leaf-polled","leaf":"A","ready":false}""", """
                {"event":"sleep","executor":"main","pending":2}""", """
                {"event":"log","task":0,"text":"got 1"}""")) {
            assertThat(protocol.problems("coTraceEntry", Codec.JSON.readTree(good))).as(good).isEmpty();
        }
        for (String broken : List.of("""
                {"event":"sleep","executor":"main"}""", """
                {"event":"task-polled","task":3}""")) {
            assertThat(protocol.problems("coTraceEntry", Codec.JSON.readTree(broken))).as(broken).isNotEmpty();
        }
    }

    @Test
    void brokenMessagesDoNotValidate() throws Exception {
                for (String broken : List.of(
                "{\"id\":1,\"ok\":true}",
                "{\"id\":1,\"ok\":false,\"error\":{\"kind\":\"Oops\"}}",
                "{\"id\":1,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2}}",
                "{\"id\":1,\"op\":\"eq.register\",\"args\":{\"poll\":1,\"source\":2,\"token\":-1,\"interests\":[\"readable\"]}}",
                "{\"id\":1,\"op\":\"fb.run\",\"args\":{\"runtime\":1,\"program\":[{\"do\":\"spawn\",\"body\":[{\"do\":\"jump\"}]}]}}",
                "{\"id\":1,\"op\":\"fb.run\",\"args\":{\"runtime\":1,\"program\":[{\"do\":\"repeat\",\"times\":2,\"body\":[]}]}}")) {
            assertThat(protocol.problems(Codec.JSON.readTree(broken))).as(broken).isNotEmpty();
        }
    }
}
