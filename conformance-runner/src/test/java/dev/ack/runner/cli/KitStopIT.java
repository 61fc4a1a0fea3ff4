package dev.ack.runner.cli;

import dev.ack.runner.ProcessesWithMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit stopped by SIGINT or SIGTERM at every stage: it stops within seconds with the status of the
 * signal, leaves no process, and its results file and rule matrix are there and valid. Processes are
 * found by a marker unique to each test, which the fake passes to every process it starts.
 */
class KitStopIT {

    @ParameterizedTest(name = "SIG{0} during {1}")
    @CsvSource({
            "INT,  the doctor's handshake, 130",
            "TERM, the doctor's handshake, 143",
            "INT,  a hung request,         130",
            "TERM, a hung request,         143",
            "INT,  the report writing,     130",
            "TERM, the report writing,     143",
    })
    void aSignalAtAnyStageStopsTheKitKillsEveryAdapterAndWritesTheReports(String signal, String stage, int status) throws Exception {
        if (signal.equals("INT")) {
            assertThat(ignoredSignals() & SIGINT_BIT).as("SIGINT is ignored in this JVM, and so in every kit it starts: the "
                    + "build was started in the background of a non-interactive shell (`mvn … &`), which sets it ignored; "
                    + "run the build in the foreground").isZero();
        }
        String marker = ProcessesWithMarker.newMarker();
        String name = "stop-" + signal + "-" + stage.replace(' ', '-').replace("'", "");
        Path console = Path.of("target", "it-reports", name, "console.txt").toAbsolutePath();
        Path hanging = Path.of(marker + ".hanging");
        KitRun run = switch (stage) {
            case "the doctor's handshake" -> KitRun.signalled(name, List.of(signal), () -> Files.exists(hanging),
                    "--adapter", fake("hang-at-hello", marker), "--tags", "@EQ-01");
            case "a hung request" -> KitRun.signalled(name, List.of(signal), () -> Files.exists(hanging),
                    "--adapter", fake("hang-on-request", marker), "--no-doctor", "--tags", "@EQ-01");
            default -> KitRun.signalled(name, List.of(signal), () -> KitRun.read(console).contains("  adapter: "),
                    "--adapter", fake("daemon-setsid", marker), "--tags", "@EQ-01");
        };
        assertThat(run.exitStatus()).as(run.console()).isEqualTo(status);
        assertThat(run.toStop()).as("time to stop").isLessThan(Duration.ofSeconds(10));
        assertThat(run.results()).as("ack-results.json").isNotNull();
        assertThat(run.results().path("state").asText()).isIn("interrupted", "finished");
        assertThat(run.reports().resolve("rule-matrix.html")).content().contains("</html>");
        assertThat(ProcessesWithMarker.alive(marker)).as("processes left").isEmpty();
    }

    @Test
    void aSecondSignalQuitsAtOnceAndStillLeavesNoProcess() throws Exception {
        String marker = ProcessesWithMarker.newMarker();
        Path hanging = Path.of(marker + ".hanging");
        KitRun run = KitRun.signalled("stop-twice", List.of("TERM", "TERM"), () -> Files.exists(hanging),
                "--adapter", fake("hang-on-request", marker), "--no-doctor", "--tags", "@EQ-01");
        assertThat(run.exitStatus()).as(run.console()).isEqualTo(143);
        assertThat(run.toStop()).isLessThan(Duration.ofSeconds(10));
        assertThat(run.results()).as("written before the scenarios, so there even when the kit quits at once").isNotNull();
        assertThat(ProcessesWithMarker.alive(marker)).isEmpty();
    }

    /** Bit 2 of the mask {@code /proc/self/status} gives as {@code SigIgn}: SIGINT, signal 2. */
    private static final long SIGINT_BIT = 1L << 1;

    /** The signals this process ignores, as a bit mask (bit n-1 for signal n). */
    private static long ignoredSignals() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16)).findFirst().orElse(0);
    }

    private static String fake(String mode, String marker) {
        return KitRun.fake(mode) + " " + marker;
    }
}
