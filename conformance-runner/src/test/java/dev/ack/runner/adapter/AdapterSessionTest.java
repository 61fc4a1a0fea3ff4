package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Message;
import dev.ack.runner.ProcessesWithMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            "unknown-error-kind, PROTOCOL_ERROR,   not in the protocol's vocabulary",
            "wrong-id,           PROTOCOL_ERROR,   a reply with id 102",
            "hang-on-request,    TIMED_OUT,        idle",
            "spin-on-request,    TIMED_OUT,        burning CPU",
            "crash-after-long-stderr, CRASHED,     FATAL: the decisive last line",
            "bom,                PROTOCOL_ERROR,   byte-order mark",
            "nul-after-brace,    PROTOCOL_ERROR,   a NUL byte (0x00) after the end of the message",
            "colour-codes,       PROTOCOL_ERROR,   raw control byte 0x1B (ESC",
            "invalid-utf8,       PROTOCOL_ERROR,   not valid UTF-8: byte 0xE9",
            "id-overflow,        PROTOCOL_ERROR,   is out of range",
            "areas-string,       HANDSHAKE_FAILED, does not match the protocol's schema",
            "protocol-fraction,  HANDSHAKE_FAILED, '\"protocol\" is 1.9, not the integer 1'",
            "protocol-string,    HANDSHAKE_FAILED, '\"protocol\" is \"1\", not the integer 1'",
            "event-flood,        TIMED_OUT,        busy writing",
            "stop-self,          TIMED_OUT,        stopped (process state T)",
            "exit-leaving-child, CRASHED,          exited with status 5",
    })
    void faultsAreClassified(String mode, AdapterFault.Kind kind, String evidence) {
        String marker = ProcessesWithMarker.newMarker();
        AdapterSession[] started = new AdapterSession[1];
        assertThatThrownBy(() -> {
            started[0] = FakeAdapters.start(mode, marker, 0.2);
            started[0].call("eq.poll_new", NO_ARGS);
        }).isInstanceOfSatisfying(AdapterFault.class, f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.getMessage()).contains(evidence);
            assertThat(f.getMessage().length()).as("an excerpt of what the adapter wrote").isLessThan(20_000);
        });
        if (started[0] != null) {
            assertThat(started[0].alive()).as("a faulted session is dead").isFalse();
            started[0].close();
        }
        assertThat(ProcessesWithMarker.alive(marker)).as("processes left").isEmpty();
    }

    @ParameterizedTest(name = "{0} is served normally")
    @CsvSource({"slow-start", "stderr-flood"})
    void slowOrChattyAdaptersAreNotFaults(String mode) {
        try (AdapterSession session = FakeAdapters.start(mode, 1)) {
            assertThat(session.call("eq.poll_new", NO_ARGS).path("op").asText()).isEqualTo("eq.poll_new");
            assertThat(session.scenarioStderr().lines().count()).as("stderr is kept, but bounded").isLessThanOrEqualTo(2_001L);
        }
    }

    /** Tens of megabytes take a while to write and read on a loaded machine: these get a generous deadline. */
    @ParameterizedTest(name = "{0} is a protocol error with an excerpt")
    @CsvSource({
            "flood,             a line longer than 32 MiB with no newline",
            "huge-not-protocol, characters in all",
    })
    void hugeOutputIsNamedAndQuotedAsAnExcerpt(String mode, String evidence) {
        assertThatThrownBy(() -> FakeAdapters.start(mode, 3).call("eq.poll_new", NO_ARGS))
                .isInstanceOfSatisfying(AdapterFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(AdapterFault.Kind.PROTOCOL_ERROR);
                    assertThat(f.getMessage()).contains(evidence).hasSizeLessThan(2_000);
                });
    }

    @Test
    void anAdapterThatEndsItsProcessWithStatusZeroFinishesTheRequestAndKeepsItsEvents() {
        try (AdapterSession session = FakeAdapters.start("ends-after-trace", 1)) {
            session.beginScenario();
            assertThat(session.exchangeOrExit("fb.run", NO_ARGS, null)).isEmpty();
            assertThat(session.events()).extracting(Message.Event::area).containsExactly("fibers", "fibers");
            assertThat(session.alive()).isFalse();
            assertThat(session.transcript().render()).contains("ended its process with status 0 after `fb.run`");
        }
    }

    @Test
    void anAdapterThatMayEndItsProcessStillCrashesWithAnyOtherStatus() {
        try (AdapterSession session = FakeAdapters.start("crash-on-request", 0.2)) {
            assertThatThrownBy(() -> session.exchangeOrExit("fb.run", NO_ARGS, null)).isInstanceOfSatisfying(AdapterFault.class, f -> {
                assertThat(f.kind()).isEqualTo(AdapterFault.Kind.CRASHED);
                assertThat(f.getMessage()).contains("exited with status 101");
            });
        }
    }

    @Test
    void anAdapterStoppedForAMomentIsStoppedMeanwhileAndServesAgainAfterwards() throws InterruptedException {
        try (AdapterSession session = FakeAdapters.start("good", 1)) {
            // the stop takes effect when the kernel next schedules the process: look until it has, for 5 s at most
            char state = session.whileStopped(() -> {
                long giveUp = System.nanoTime() + 5_000_000_000L;
                char now;
                do {
                    now = ProcStat.read(session.pid()).orElseThrow().state();
                } while (now != 'T' && System.nanoTime() < giveUp);
                return now;
            });
            assertThat(state).isEqualTo('T');
            assertThat(session.call("eq.poll_new", NO_ARGS).path("op").asText()).isEqualTo("eq.poll_new");
        }
    }

    @Test
    void aSecondReplyToARequestIsCalledADuplicate() {
        try (AdapterSession session = FakeAdapters.start("duplicate-reply", 0.2)) {
            session.call("eq.poll_new", NO_ARGS);
            assertThatThrownBy(() -> session.call("eq.poll_new", NO_ARGS)).isInstanceOfSatisfying(AdapterFault.class, f -> {
                assertThat(f.kind()).isEqualTo(AdapterFault.Kind.PROTOCOL_ERROR);
                assertThat(f.getMessage()).contains("a duplicate reply: request 2 (`eq.poll_new`) was answered already")
                        .contains("write exactly one reply per request");
            });
        }
    }

    @Test
    void aHugeErrorMessageIsCutToAnExcerptThatSaysItsSize() {
        try (AdapterSession session = FakeAdapters.start("huge-error", 1)) {
            AdapterSession.Exchange reply = session.exchange("eq.poll_new", NO_ARGS);
            assertThat(reply.error().getMessage()).hasSizeLessThan(1_000).startsWith("EEE").endsWith("EEE")
                    .contains(String.format("%,d characters in all", 25 << 20));
            assertThat(session.transcript().render()).hasSizeLessThan(10_000);
        }
    }

    @Test
    void controlCharactersFromTheAdapterNeverReachTheConsoleRaw() {
        assertThatThrownBy(() -> FakeAdapters.start("colour-stderr-crash", 0.2).call("eq.poll_new", NO_ARGS))
                .isInstanceOfSatisfying(AdapterFault.class, f -> assertThat(f.getMessage())
                        .contains("\\u001b[31mpanic:\\u001b[0m").contains("\\u0007the adapter fell over")
                        .doesNotContain("\u001b").doesNotContain("\u0007"));
    }

    @Test
    void aCrashShowsOnlyTheStderrOfItsScenario() {
        AdapterSession session = FakeAdapters.start("early-panic", 0.2);
        session.beginScenario();
        assertThatThrownBy(() -> session.call("eq.poll_new", NO_ARGS)).isInstanceOfSatisfying(AdapterFault.class, f ->
                assertThat(f.getMessage()).contains("FATAL: the real cause").doesNotContain("an earlier, unrelated panic")
                        .contains("1 earlier lines of its stderr, from before this scenario, are not shown"));
    }

    @ParameterizedTest(name = "a program that {0} is named as such")
    @CsvSource({"is a directory, 'is a directory, not a program'", "lacks the execute bit, lacks the execute bit: `chmod +x"})
    void aProgramThatCannotRunIsNamedExactly(String what, String evidence, @TempDir Path dir) throws IOException {
        Path program = what.startsWith("is a directory") ? Files.createDirectory(dir.resolve("my-adapter"))
                : Files.writeString(dir.resolve("adapter.py"), "print('hi')\n");
        assertThatThrownBy(() -> AdapterSession.start(new RunSettings(new AdapterCommand(List.of(program.toString())), dir, new Deadlines(0.2), false)))
                .isInstanceOfSatisfying(AdapterFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(AdapterFault.Kind.CRASHED);
                    assertThat(f.getMessage()).contains(evidence).doesNotContain("Permission denied");
                });
    }

    @Test
    void aHungHandshakeTimesOutAndTheProcessIsKilled() {
        long before = System.nanoTime();
        assertThatThrownBy(() -> FakeAdapters.start("hang-at-hello", 0.1))
                .isInstanceOfSatisfying(AdapterFault.class, f -> assertThat(f.kind()).isEqualTo(AdapterFault.Kind.TIMED_OUT));
        assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(10_000);
    }
}
