package dev.ack.runner.steps.coroutines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.Codec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log order is strict across batches (polls, wake-ups) and free within one. */
class TraceTest {
    private static final String EXPECTED = "a\nb\nc\n";

    private static List<JsonNode> logs(String... texts) {
        return Stream.of(texts).map(t -> (JsonNode) Codec.JSON.createObjectNode().put("event", "log").put("text", t)).toList();
    }

    @Test
    void linesOfOneBatchMayComeInAnyOrder() {
        assertThatCode(() -> Trace.assertLogged("it", List.of(logs("a"), logs("c", "b")), EXPECTED)).doesNotThrowAnyException();
    }

    @Test
    void linesOfDifferentBatchesMustKeepTheirOrder() {
        assertThatThrownBy(() -> Trace.assertLogged("it", List.of(logs("a", "c"), logs("b")), EXPECTED))
                .hasMessageContaining("expected it to log, in this order");
        assertThatThrownBy(() -> Trace.assertLogged("it", Trace.oneByOne(logs("a", "c", "b")), EXPECTED))
                .hasMessageContaining("expected it to log");
    }

    @Test
    void missingAndExtraLinesFail() {
        assertThatThrownBy(() -> Trace.assertLogged("it", List.of(logs("a", "b")), EXPECTED)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Trace.assertLogged("it", List.of(logs("a", "b", "c", "d")), EXPECTED)).isInstanceOf(AssertionError.class);
    }
}
