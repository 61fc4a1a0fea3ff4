package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prose and the schema say the same thing: every JSON example in spec/protocol.md and the area
 * pages validates against the schema (a request with its op's args, a reply or event as a message, a
 * poll's event, a handshake, a trace entry), and broken messages do not.
 */
class ProtocolSchemaTest {
    private static final Path SPEC = Path.of("..", "spec");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private final ProtocolSchema protocol = ProtocolSchema.bundled();

    @Test
    void everyExampleInTheSpecValidates() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> pages = Files.list(SPEC)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = JSON_BLOCK.matcher(Files.readString(page));
                while (m.find()) {
                    List<String> errors = problemsOfExample(Codec.JSON.readTree(m.group(1)));
                    if (!errors.isEmpty()) problems.add(page.getFileName() + ": " + m.group(1).strip() + " -> " + errors);
                    checked++;
                }
            }
        }
        assertThat(checked).as("JSON examples in spec/*.md").isGreaterThanOrEqualTo(6);
        assertThat(problems).isEmpty();
    }

    /** An example is whatever it looks like: a message, an event of a poll, or a trace entry. */
    private List<String> problemsOfExample(JsonNode example) {
        if (example.has("token")) return protocol.problems("eqEvent", example);
        if (example.has("fiber")) return protocol.problems("fbTraceEntry", example);
        List<String> problems = new ArrayList<>(protocol.problems(example));
        if (example.has("op")) problems.addAll(protocol.argsProblems(example.get("op").asText(), example.path("args")));
        if (example.path("result").has("capabilities")) problems.addAll(protocol.resultProblems("hello", example.get("result")));
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":1,\"ok\":true}",
            "{\"id\":1,\"ok\":false,\"error\":{\"kind\":\"Oops\"}}",
            "{\"id\":1,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2}}",
            "{\"id\":1,\"op\":\"eq.register\",\"args\":{\"poll\":1,\"source\":2,\"token\":-1,\"interests\":[\"readable\"]}}",
            "{\"id\":1,\"op\":\"eq.register\",\"args\":{\"poll\":1,\"source\":2,\"token\":1,\"interests\":[\"sometimes\"]}}",
            "{\"id\":1,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2,\"timeout_ms\":null,\"concurrently\":{\"after_ms\":5,\"action\":\"wake\"}}}",
            "{\"id\":1,\"op\":\"fb.run\",\"args\":{\"runtime\":1,\"program\":[{\"do\":\"spawn\",\"body\":[{\"do\":\"jump\"}]}]}}",
            "{\"id\":1,\"op\":\"fb.run\",\"args\":{\"runtime\":1,\"program\":[{\"do\":\"repeat\",\"times\":2,\"body\":[]}]}}",
            "{\"id\":1,\"op\":\"co.create\",\"args\":{\"program\":[{\"do\":\"wait\",\"into\":\"x\"}]}}",
            "{\"id\":1,\"op\":\"co.create\",\"args\":{\"program\":[{\"do\":\"wait\",\"leaf\":{\"kind\":\"timer\",\"name\":\"A\"}}]}}",
            "{\"id\":1,\"op\":\"wk.run_wait\",\"args\":{\"run\":1}}",
            "{\"id\":1,\"op\":\"wk.block_on\",\"args\":{\"program\":[{\"do\":\"append\",\"text\":\"x\"}]}}",
            "{\"id\":1,\"op\":\"rt.block_on\",\"args\":{\"program\":[{\"do\":\"keep_waker\",\"name\":\"w\"}]}}",
            "{\"id\":1,\"op\":\"rt.block_on\",\"args\":{\"program\":[{\"do\":\"yield_until_sleep\"}]}}",
            "{\"id\":1,\"op\":\"rt.block_on\",\"args\":{\"program\":[{\"do\":\"wait\",\"leaf\":{\"kind\":\"third-party\",\"port\":80}}]}}",
            "{\"id\":1,\"op\":\"rt.leaf_ready\",\"args\":{\"name\":\"A\",\"value\":\"a\",\"wake\":\"twice\"}}",
            "{\"event\":\"trace\",\"area\":\"elsewhere\"}"})
    void brokenMessagesDoNotValidate(String broken) throws IOException {
        assertThat(protocol.problems(Codec.JSON.readTree(broken))).isNotEmpty();
    }

    @Test
    void aResultIsCheckedAgainstItsOpAndSaysWhereItIsWrong() throws IOException {
        assertThat(protocol.resultProblems("eq.poll_new", Codec.JSON.readTree("{\"poll\":3}"))).isEmpty();
        assertThat(protocol.resultProblems("eq.poll_new", Codec.JSON.readTree("{\"op\":\"eq.poll_new\"}")))
                .singleElement().asString().contains("poll");
        assertThat(protocol.resultProblems("co.poll", Codec.JSON.readTree("{\"ready\":true,\"trace\":[]}"))).isNotEmpty();
        assertThat(protocol.resultProblems("co.poll", Codec.JSON.readTree("{\"ready\":false,\"value\":\"x\",\"trace\":[]}"))).isNotEmpty();
        assertThat(protocol.resultProblems("fb.run", Codec.JSON.readTree(
                "{\"trace\":[{\"fiber\":0,\"event\":\"error\",\"kind\":\"WouldBlock\"}]}"))).isNotEmpty();
        assertThat(protocol.resultProblems("no.such_op", Codec.JSON.readTree("{}"))).singleElement().asString().contains("no op");
    }

    @Test
    void wellFormedValuesThatTheImplementationRejectsStillValidate() throws IOException {
        // §2.1: a capacity of 0, 0 slots, empty interests are InvalidArgument, so they must reach the implementation
        assertThat(protocol.argsProblems("eq.events_new", Codec.JSON.readTree("{\"capacity\":0}"))).isEmpty();
        assertThat(protocol.argsProblems("fb.runtime_new", Codec.JSON.readTree("{\"slots\":0,\"stack_size\":0}"))).isEmpty();
        assertThat(protocol.argsProblems("eq.register", Codec.JSON.readTree(
                "{\"poll\":1,\"source\":2,\"token\":3,\"interests\":[]}"))).isEmpty();
        // §4: an optional arg given as null means the same as leaving it out
        assertThat(protocol.argsProblems("eq.register", Codec.JSON.readTree(
                "{\"poll\":1,\"source\":2,\"token\":3,\"interests\":[\"readable\"],\"trigger\":null,\"oneshot\":null}"))).isEmpty();
    }

    @Test
    void aPreparedSchemaJudgesEmptyArgsAsAFreshOneDoes() {
        ProtocolSchema prepared = ProtocolSchema.of(protocol.document()).prepare();
        ProtocolSchema fresh = ProtocolSchema.of(protocol.document());
        for (String op : protocol.ops()) {
            assertThat(prepared.argsProblems(op, Codec.JSON.createObjectNode())).as(op)
                    .isEqualTo(fresh.argsProblems(op, Codec.JSON.createObjectNode()));
        }
        assertThat(prepared.argsProblems("eq.poll", Codec.JSON.createObjectNode())).as("required args").isNotEmpty();
        assertThat(prepared.argsProblems("reset", Codec.JSON.createObjectNode())).isEmpty();
    }
}
