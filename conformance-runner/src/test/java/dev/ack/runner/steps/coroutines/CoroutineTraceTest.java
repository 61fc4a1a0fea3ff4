package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log order is strict across batches (polls, wake-ups) and free within one. */
class CoroutineTraceTest {
    private static final String EXPECTED = "a\nb\nc\n";

    private static List<CoroutineTraceEntry> logs(String... texts) {
        return Stream.of(texts).map(t -> (CoroutineTraceEntry) new CoroutineTraceEntry.Log(t, null)).toList();
    }

    @Test
    void linesOfOneBatchMayComeInAnyOrder() {
        assertThatCode(() -> CoroutineTrace.assertLogged("it", List.of(logs("a"), logs("c", "b")), EXPECTED)).doesNotThrowAnyException();
    }

    @Test
    void linesOfDifferentBatchesMustKeepTheirOrder() {
        assertThatThrownBy(() -> CoroutineTrace.assertLogged("it", List.of(logs("a", "c"), logs("b")), EXPECTED))
                .hasMessageContaining("expected it to log, in this order");
        assertThatThrownBy(() -> CoroutineTrace.assertLogged("it", CoroutineTrace.oneByOne(logs("a", "c", "b")), EXPECTED))
                .hasMessageContaining("expected it to log");
    }

    @Test
    void missingAndExtraLinesFail() {
        assertThatThrownBy(() -> CoroutineTrace.assertLogged("it", List.of(logs("a", "b")), EXPECTED)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CoroutineTrace.assertLogged("it", List.of(logs("a", "b", "c", "d")), EXPECTED)).isInstanceOf(AssertionError.class);
    }
}
