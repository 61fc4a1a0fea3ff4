package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.eventqueue.EventQueueOps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Strict mode catches what lenient mode lets through. The fake adapter's "good" mode answers every
 * event-queue op with {@code {"op": ...}}: a well-formed reply, whose result breaks the schema of every
 * op that has one.
 */
class StrictModeTest {

    @Test
    void aResultThatBreaksTheSchemaIsAProtocolErrorNamingTheOpTheFieldAndTheComplaint() {
        try (AdapterSession session = FakeAdapters.start("good", 1, true)) {
            assertThatThrownBy(() -> new ProtocolClient(session).call(EventQueueOps.POLL_NEW, Empty.VALUE))
                    .isInstanceOfSatisfying(AdapterFault.class, fault -> {
                        assertThat(fault.kind()).isEqualTo(AdapterFault.Kind.PROTOCOL_ERROR);
                        assertThat(fault.getMessage()).contains("`eq.poll_new`", "$defs/ops/eq.poll_new/result", "poll", "required")
                                .contains("the line was: {\"id\": 2, \"ok\": true, \"result\": {\"op\": \"eq.poll_new\"}}");
                    });
            assertThat(session.alive()).as("a protocol error ends the session").isFalse();
        }
    }

    @Test
    void withoutStrictModeTheSameReplyIsServed() {
        try (AdapterSession session = FakeAdapters.start("good", 1, false)) {
            assertThat(new ProtocolClient(session).exchange(EventQueueOps.POLL_NEW, Empty.VALUE).ok()).isTrue();
        }
    }

    @Test
    void aRequestTheRunnerGetsWrongFailsLoudlyBeforeItIsSent() {
        try (AdapterSession session = FakeAdapters.start("good", 1, true)) {
            ObjectNode noTimeout = Codec.JSON.createObjectNode().put("poll", 1).put("events", 2);
            assertThatThrownBy(() -> session.exchange("eq.poll", noTimeout))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a bug in the runner").hasMessageContaining("timeout_ms");
            assertThat(session.transcript().render()).doesNotContain("eq.poll\"");
        }
    }

    @Test
    void deliberatelyMalformedLinesGoOutRawAndOnlyTheirRepliesAreChecked() {
        try (AdapterSession session = FakeAdapters.start("good", 1, true)) {
            AdapterSession.Exchange reply = session.exchangeRaw("this is not JSON", null);
            assertThat(reply.error().kind()).isEqualTo(ErrorKind.BadRequest);
            assertThat(session.alive()).isTrue();
        }
    }
}
