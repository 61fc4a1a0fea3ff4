package dev.ack.runner.cli;

import dev.ack.protocol.Area;
import dev.ack.runner.cli.KillMatrix.Kind;
import dev.ack.runner.cli.KillMatrix.Mark;
import dev.ack.runner.cli.KillMatrix.Row;
import dev.ack.runner.cli.KillMatrix.Verdicts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KillMatrixTest {

    private static Row mutant(String name, List<String> declared, Set<String> failedRules, Set<String> blamed) {
        return KillMatrix.row(Area.EVENT_QUEUE, Kind.PYTHON_MUTANT, name, "a student's bug", null, declared, List.of(),
                new Verdicts(failedRules, Set.of(), blamed));
    }

    private static Row change(Area area, Kind kind, String name, String why, String equivalent, List<String> fails, Verdicts found) {
        return KillMatrix.row(area, kind, name, why, equivalent, fails, List.of(), found);
    }

    private static final Verdicts NOTHING = new Verdicts(Set.of(), Set.of(), Set.of());

    @Test
    void aDeclaredClauseThatFailedIsKilledAndAnUndeclaredOneIsReported() {
        Row row = mutant("m", List.of("EQ-34.1"), Set.of("EQ-34", "EQ-19"), Set.of("EQ-34.1", "EQ-19"));
        assertThat(row.marks()).containsExactly(Map.entry("EQ-19", Mark.REPORTED), Map.entry("EQ-34.1", Mark.KILLED));
        assertThat(row.outcome()).isEqualTo("killed; undeclared failures reported");
    }

    @Test
    void aFailedRuleCountsAsItselfWhereItWasDeclaredAsARuleOrNoClauseOfItWasBlamed() {
        assertThat(mutant("m", List.of("CO-20"), Set.of("CO-20"), Set.of("CO-20.4")).marks()).containsExactly(Map.entry("CO-20", Mark.KILLED));
        assertThat(mutant("m", List.of("EQ-35.1"), Set.of("EQ-35"), Set.of()).marks())
                .containsExactly(Map.entry("EQ-35", Mark.REPORTED), Map.entry("EQ-35.1", Mark.SURVIVED));
    }

    @Test
    void theOutcomeSaysWhetherTheDeclaredClausesFailed() {
        assertThat(mutant("m", List.of("EQ-20"), Set.of("EQ-20"), Set.of("EQ-20")).outcome()).isEqualTo("killed");
        assertThat(mutant("m", List.of("EQ-20"), Set.of(), Set.of()).outcome()).isEqualTo("survived");
        assertThat(mutant("m", List.of("EQ-20", "EQ-21"), Set.of("EQ-20"), Set.of()).outcome()).isEqualTo("partly survived");
        Row equivalent = change(Area.WAKERS, Kind.PYTHON_MUTANT, "e", "why", "An executor MAY poll ready tasks in any order.", List.of(), NOTHING);
        assertThat(equivalent.outcome()).isEqualTo("survived: equivalent");
        assertThat(change(Area.WAKERS, Kind.ALLOWED_CHANGE, "a", "why", null, List.of(), NOTHING).outcome()).isEqualTo("passed");
        Row falsePositive = change(Area.WAKERS, Kind.ALLOWED_CHANGE, "a", "why", null, List.of(), new Verdicts(Set.of("WK-06"), Set.of(), Set.of()));
        assertThat(falsePositive.outcome()).isEqualTo("failed where the spec allows it");
    }

    @Test
    void aCrashIsAKillOnlyWhereItWasDeclared() {
        Verdicts crashed = new Verdicts(Set.of(), Set.of("WK-05", "WK-06"), Set.of());
        Row declared = KillMatrix.row(Area.WAKERS, Kind.PYTHON_MUTANT, "c", "why", null, List.of(), List.of("WK-05", "WK-06"), crashed);
        assertThat(declared.outcome()).isEqualTo("killed");
        Row undeclared = change(Area.WAKERS, Kind.PYTHON_MUTANT, "c", "why", null, List.of("WK-06"), crashed);
        assertThat(undeclared.marks()).containsExactly(Map.entry("WK-05", Mark.IN_ERROR), Map.entry("WK-06", Mark.IN_ERROR));
        assertThat(undeclared.outcome()).isEqualTo("ended in an error instead");
    }

    @Test
    void clausesAreInSpecOrder() {
        assertThat(List.of("EQ-34.1", "EQ-9", "EQ-19.1", "EQ-20", "EQ-19", "CO-12").stream().sorted(KillMatrix.CLAUSE_ORDER).toList())
                .containsExactly("CO-12", "EQ-9", "EQ-19", "EQ-19.1", "EQ-20", "EQ-34.1");
    }

    @Test
    void thePageHasATablePerAreaWithAColumnPerClauseAndTheAreasTotals() {
        List<Row> rows = List.of(
                change(Area.RUNTIME, Kind.PYTHON_MUTANT, "rt-b", "a <bug>", null, List.of("RT-16.2"), new Verdicts(Set.of("RT-16"), Set.of(), Set.of("RT-16.2"))),
                change(Area.RUNTIME, Kind.REFERENCE_VARIANT, "busy", "spins", null, List.of("RT-12"), new Verdicts(Set.of("RT-12"), Set.of(), Set.of())),
                change(Area.RUNTIME, Kind.ALLOWED_CHANGE, "rt-a", "allowed", null, List.of(), NOTHING),
                mutant("eq-a", List.of("EQ-20"), Set.of(), Set.of()));
        String markdown = KillMatrix.markdown(rows);
        assertThat(markdown).containsSubsequence(
                "## Chapter 4: event-queue", "1 Python mutants: 1 survived", "| change | kind | outcome | EQ-20 |",
                "| eq-a | Python mutant | survived | ✗ |",
                "## Chapter 10: runtime", "1 Python mutants, 1 reference variants, 1 allowed changes: 2 killed, 1 passed",
                "| change | kind | outcome | RT-12 | RT-16.2 |",
                "| rt-b | Python mutant | killed |  | ✓ |", "| busy | reference variant | killed | ✓ |  |", "| rt-a | allowed change | passed |  |  |");
        String html = KillMatrix.html(rows);
        assertThat(html).contains("<h2>Chapter 10: runtime</h2>", "<td title=\"a &lt;bug&gt;\">rt-b</td>", "<th>RT-16.2</th>")
                .doesNotContain("a <bug>");
    }
}
