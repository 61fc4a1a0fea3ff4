package dev.ack.runner.cli;

import dev.ack.runner.ProcessesWithMarker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged kit against each misbehaving fake adapter, as a student's CI job would run it: the
 * exit status, the fault named on the console (and nothing raw from the adapter there), the results
 * file and the rule matrix valid, every report small, and no process the adapter started left.
 */
class KitFaultsIT {
    private static final String ONE_SCENARIO = "@id:eq.a-new-poll-instance-reports-nothing";

    @ParameterizedTest(name = "{0}: exit {1}, \"{2}\"")
    @CsvSource({
            "daemon-double-fork,  3, required property 'poll' not found",
            "daemon-setsid,       3, required property 'poll' not found",
            "daemon-without-env,  3, required property 'poll' not found",
            "exit-leaving-child,  3, still held its stdout open",
            "bom,                 3, byte-order mark",
            "nul-after-brace,     3, a NUL byte (0x00) after the end of the message",
            "colour-codes,        3, raw control byte 0x1B (ESC",
            "invalid-utf8,        3, not valid UTF-8: byte 0xE9",
            "duplicate-reply,     3, a duplicate reply",
            "id-overflow,         3, is out of range",
            "areas-string,        3, does not match the protocol's schema",
            "protocol-fraction,   3, not the integer 1",
            "protocol-string,     3, not the integer 1",
            "event-flood,         3, busy writing",
            "stop-self,           3, stopped (process state T)",
            "spin-on-request,     3, burning CPU",
            "hang-on-request,     3, idle",
            "colour-stderr-crash, 3, \\u001b[31mpanic",
            "early-panic,         3, FATAL: the real cause",
            "huge-error,          3, characters in all",
            "huge-not-protocol,   3, characters in all",
    })
    void eachFaultIsNamedAndTheRunStillEndsClean(String mode, int status, String evidence) throws Exception {
        String marker = ProcessesWithMarker.newMarker();
        KitRun run = KitRun.of("fault-" + mode, "--adapter", KitRun.fake(mode) + " " + marker, "--tags", ONE_SCENARIO);
        assertEndsClean(run, status, evidence);
        assertThat(ProcessesWithMarker.alive(marker)).as("processes left").isEmpty();
    }

    @ParameterizedTest(name = "a program that {0} is named as such")
    @CsvSource({"is a directory, 'is a directory, not a program'", "lacks the execute bit, lacks the execute bit"})
    void aProgramThatCannotRunIsNamedExactly(String what, String evidence) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-reports", "programs").toAbsolutePath());
        Path program = dir.resolve(what.startsWith("is a directory") ? "a-directory" : "not-executable.py");
        if (what.startsWith("is a directory")) Files.createDirectories(program);
        else Files.writeString(program, "print('hi')\n").toFile().setExecutable(false);
        KitRun run = KitRun.of("program-" + program.getFileName(), "--adapter", program.toString(), "--tags", ONE_SCENARIO);
        assertEndsClean(run, 3, evidence);
        assertThat(run.console()).doesNotContain("Permission denied");
    }

    private static void assertEndsClean(KitRun run, int status, String evidence) throws IOException {
        assertThat(run.exitStatus()).as(run.console()).isEqualTo(status);
        assertThat(run.console()).contains(evidence).doesNotContain("\u001b").hasSizeLessThan(200_000);
        assertThat(run.results()).as("ack-results.json").isNotNull();
        assertThat(run.results().path("state").asText()).isEqualTo("finished");
        assertThat(run.reports().resolve("rule-matrix.html")).content().endsWith("</html>\n");
        try (Stream<Path> files = Files.walk(run.reports())) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(Files.size(f)).as(f.toString()).isLessThan(10L << 20));
        }
    }
}
