package dev.ack.runner.doctor;

import dev.ack.runner.adapter.AdapterCommand;
import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.adapter.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The doctor names the one thing wrong with each faulty adapter, and passes a good one. */
class DoctorTest {

    private static Diagnosis examine(String mode) {
        Path script = Path.of("src/test/resources/fake-adapters/fake_adapter.py").toAbsolutePath();
        return new Doctor(new RunSettings(new AdapterCommand(List.of("python3", script.toString(), mode)),
                Path.of(".").toAbsolutePath(), new Deadlines(0.3), false)).examine();
    }

    @Test
    void aGoodAdapterPassesEveryCheck() {
        Diagnosis d = examine("good");
        assertThat(d.checks()).allSatisfy(c -> assertThat(c.ok()).as(c.toString()).isTrue());
        assertThat(d.checks()).extracting(Check::name).contains("handshake", "request ids", "malformed line",
                "unknown op", "shutdown", "end of input");
    }

    @ParameterizedTest(name = "{0} fails the check \"{1}\"")
    @CsvSource({
            "lax,              unknown op",
            "ignores-eof,      end of input",
            "garbage-at-hello, handshake",
            "wrong-version,    handshake",
    })
    void eachFaultFailsItsCheck(String mode, String check) {
        Diagnosis d = examine(mode);
        assertThat(d.healthy()).isFalse();
        assertThat(d.checks()).filteredOn(c -> !c.ok()).extracting(Check::name).contains(check);
    }

    /** A failed check names the protocol rule it checks, so that {@code kit explain} can say more. */
    @Test
    void aFailedCheckNamesItsProtocolRule() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        examine("lax").print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL  unknown op (PR-06)")
                .contains("rule: PR-06 of spec/protocol.md (kit explain PR-06)");
    }

    @Test
    void withoutAHandshakeTheScenariosCannotRun() {
        assertThat(examine("exit-at-start").canRun()).isFalse();
        assertThat(examine("lax").canRun()).isTrue();
    }
}
