package dev.ack.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ack.protocol.Empty;
import dev.ack.protocol.SessionOps;
import dev.ack.runner.adapter.AdapterCommand;
import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.verdict.Levels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A scenario keeps the adapter it began on: one that dies between two steps is reported, not replaced. */
class RunContextTest {
    private static final Path FAKE = Path.of("src/test/resources/fake-adapters/fake_adapter.py").toAbsolutePath();

    @AfterEach
    void end() {
        RunContext.end();
    }

    @Test
    void anAdapterThatDiesMidScenarioIsReportedByTheNextRequestAndReplacedForTheNextScenario() {
        RunContext.begin(new RunSettings(new AdapterCommand(List.of("python3", FAKE.toString(), "good")), Path.of("."),
                new Deadlines(1.0), false), new Levels(false));
        AdapterSession first = RunContext.beginScenario();
        first.closeInputAndWait(); // the adapter exits between two steps

        assertThat(RunContext.session()).as("the scenario's next step talks to the adapter it began on").isSameAs(first);
        AdapterFault fault = catchThrowableOfType(AdapterFault.class, () -> RunContext.client().call(SessionOps.RESET, Empty.VALUE));
        assertThat(fault.kind()).isEqualTo(AdapterFault.Kind.CRASHED);

        AdapterSession next = RunContext.beginScenario();
        assertThat(next).isNotSameAs(first);
        assertThat(next.alive()).isTrue();
    }
}
