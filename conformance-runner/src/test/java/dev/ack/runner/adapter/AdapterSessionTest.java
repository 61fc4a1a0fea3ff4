package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way an adapter can misbehave is named as exactly that fault, with the evidence. */
class AdapterSessionTest {
    private static final ObjectNode NO_ARGS = Codec.JSON.createObjectNode();

    @Test
    void aWellBehavedAdapterIsServedAndItsEventsAreKeptInOrder() {
        try (AdapterSession session = FakeAdapters.start("good", 1)) {
            assertThat(session.handshake().name()).isEqualTo("fake");
            assertThat(session.handshake().claimsArea("event-queue")).isTrue();
            assertThat(session.call("eq.poll_new", NO_ARGS).path("op").asText()).isEqualTo("eq.poll_new");
            assertThat(session.events()).hasSize(1);
            assertThat(session.transcript().render()).contains("-> {\"id\":2,\"op\":\"eq.poll_new\"").contains("<- {\"event\"");
            assertThat(session.alive()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} is classified as {1}")
    @CsvSource({
            "exit-at-start,      CRASHED,          exited with status 3",
            "garbage-at-hello,   PROTOCOL_ERROR,   debug output belongs on stderr",
            "wrong-version,      HANDSHAKE_FAILED, speaks protocol version 2",
            "crash-on-request,   CRASHED,          index out of bounds",
            "split-line,         PROTOCOL_ERROR,   whole on one line",
            "merged-lines,       PROTOCOL_ERROR,   not JSON",
            "flood,              PROTOCOL_ERROR,   flooding",
            "unknown-error-kind, PROTOCOL_ERROR,   not in the protocol's vocabulary",
            "wrong-id,           PROTOCOL_ERROR,   a reply with id 102",
            "hang-on-request,    TIMED_OUT,        idle",
            "spin-on-request,    TIMED_OUT,        burning CPU",
            "crash-after-long-stderr, CRASHED,     FATAL: the decisive last line",
    })
    void faultsAreClassified(String mode, AdapterFault.Kind kind, String evidence) {
        AdapterSession[] started = new AdapterSession[1];
        assertThatThrownBy(() -> {
            started[0] = FakeAdapters.start(mode, 0.2);
            started[0].call("eq.poll_new", NO_ARGS);
        }).isInstanceOfSatisfying(AdapterFault.class, f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.getMessage()).contains(evidence);
        });
        if (started[0] != null) {
            assertThat(started[0].alive()).as("a faulted session is dead").isFalse();
            started[0].close();
        }
    }

    @ParameterizedTest(name = "{0} is served normally")
    @CsvSource({"slow-start", "stderr-flood"})
    void slowOrChattyAdaptersAreNotFaults(String mode) {
        try (AdapterSession session = FakeAdapters.start(mode, 1)) {
            assertThat(session.call("eq.poll_new", NO_ARGS).path("op").asText()).isEqualTo("eq.poll_new");
            assertThat(session.scenarioStderr().lines().count()).as("stderr is kept, but bounded").isLessThanOrEqualTo(2_001L);
        }
    }

    @Test
    void aHungHandshakeTimesOutAndTheProcessIsKilled() {
        long before = System.nanoTime();
        assertThatThrownBy(() -> FakeAdapters.start("hang-at-hello", 0.1))
                .isInstanceOfSatisfying(AdapterFault.class, f -> assertThat(f.kind()).isEqualTo(AdapterFault.Kind.TIMED_OUT));
        assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(10_000);
    }
}
