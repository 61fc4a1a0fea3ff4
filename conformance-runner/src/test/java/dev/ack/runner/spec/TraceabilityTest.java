package dev.ack.runner.spec;

import dev.ack.runner.doctor.CheckName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traceability gate of the build: every rule of spec/ is checked by a scenario of features/ or
 * says why not, every rule a scenario names exists, IDs and aliases are unique, and what a page, a
 * rule or a scenario says about its area agrees with {@link dev.ack.protocol.Area}.
 */
class TraceabilityTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyRuleIsCoveredOrJustifiedAndEveryTagNamesARule() {
        SpecIndex spec = SpecIndex.fromDirectory(REPO.resolve("spec"));
        FeatureIndex features = FeatureIndex.fromDirectory(REPO.resolve("features"));
        assertThat(spec.rules()).as("rules in spec/").isNotEmpty();
        assertThat(features.scenarios()).as("scenarios in features/").isNotEmpty();
        assertThat(Traceability.check(spec, features, doctorChecks())).as("traceability problems").isEmpty();
    }

    /** The generated list of untested clauses is checked in and kept in step: a stale one fails the build. */
    @Test
    void theListOfUncoveredClausesIsUpToDate() throws Exception {
        SpecIndex spec = SpecIndex.fromDirectory(REPO.resolve("spec"));
        FeatureIndex features = FeatureIndex.fromDirectory(REPO.resolve("features"));
        String report = ClauseReport.render(spec, features);
        Path file = REPO.resolve("spec").resolve(ClauseReport.FILE);
        if (Boolean.getBoolean("ack.regenerate")) Files.writeString(file, report);
        assertThat(file).as("spec/%s is stale; regenerate it as its first lines say", ClauseReport.FILE).hasContent(report);
        assertThat(report).containsPattern("# \\d+ rules, \\d+ clauses \\(\\d+ numbered, XX-nn.k\\): \\d+ checked by scenarios, \\d+ by the doctor, \\d+ untested\\.\n");
    }

    @Test
    void theGateCatchesAnUncoveredRuleAndAnUnknownTag() throws Exception {
        var problems = gate(Map.of("event-queue.md", """
                ## EQ-01 One
                **Level:** MUST · **Chapter:** 4 · **Book:** x
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                """), "", """
                @area:event-queue @ch4
                Feature: f
                  @EQ-09
                  Scenario: s
                    Given nothing
                """);
        assertThat(problems).anyMatch(p -> p.startsWith("EQ-01") && p.contains("no scenario"))
                .anyMatch(p -> p.contains("names EQ-09, which no spec file defines"));
    }

    @Test
    void theGateCatchesWhatDisagreesWithTheAreaAndAnAliasThatCollides() throws Exception {
        var problems = gate(Map.of("fibers.md", """
                ## FB-01 One
                **Level:** MUST · **Chapter:** 6 · **Book:** x
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                """, "fibres.md", "# a typo in a page's name\n"), "fibers", """
                @area:fibers @ch4
                Feature: f
                  @FB-01 @EQ-01 @id:fb.one @alias:fb.two
                  Scenario: s
                    Given nothing
                  @FB-01 @id:fb.two
                  Scenario: t
                    Given nothing
                  @FB-01 @id:eq.three @requires:preemption
                  Scenario: u
                    Given nothing
                  @FB-01 @id:fb.four @unclaimed:edge-trigger
                  Scenario: v
                    Given nothing
                """);
        assertThat(problems)
                .anyMatch(p -> p.startsWith("fibres.md is not the page of an area"))
                .anyMatch(p -> p.startsWith("FB-01 says chapter 6") && p.contains("is chapter 5"))
                .anyMatch(p -> p.contains("needs the tag @ch5"))
                .anyMatch(p -> p.contains("names EQ-01, but rules of fibers start with FB"))
                .anyMatch(p -> p.contains("uses fb.two, which fb.one already uses"))
                .anyMatch(p -> p.contains("has the ID eq.three; IDs of fibers start with fb."))
                .anyMatch(p -> p.contains("requires preemption; the capabilities are"))
                .anyMatch(p -> p.contains("needs edge-trigger unclaimed; the capabilities are"));
    }

    @Test
    void theGateKeepsTheBooksRulesFreeOfCapabilitiesBeyondTheBook() throws Exception {
        var problems = gate(Map.of("event-queue.md", """
                ## EQ-01 Book
                **Level:** MUST · **Chapter:** 4 · **Book:** ch04/a-epoll `Poll::new`
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                ## EQ-02 Beyond
                **Level:** MUST · **Chapter:** 4 · **Beyond the book:** capability `deregister` (mio)
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                ## EQ-03 Unknown
                **Level:** MUST · **Chapter:** 4 · **Beyond the book:** capability `teleport` (nowhere)
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                """), "event-queue", """
                @area:event-queue @ch4
                Feature: f
                  @EQ-01 @requires:deregister @id:eq.one
                  Scenario: s
                    Given nothing
                  @EQ-02 @id:eq.two
                  Scenario: t
                    Given nothing
                  @EQ-01 @requires:edge-triggered @id:eq.three
                  Scenario: u
                    Given nothing
                  @EQ-03 @id:eq.four
                  Scenario: v
                    Given nothing
                """);
        assertThat(problems)
                .anyMatch(p -> p.contains("\"s\" checks EQ-01, which the book's code follows, but requires deregister"))
                .anyMatch(p -> p.contains("\"t\" checks EQ-02, which is beyond the book: tag it @requires:deregister"))
                .anyMatch(p -> p.startsWith("EQ-03") && p.contains("capability teleport, which is not one of"))
                .noneMatch(p -> p.contains("\"u\""));
    }

    @Test
    void theGateWantsEveryThenStepOfAScenarioOfSeveralRulesToNameItsClause() throws Exception {
        var problems = gate(Map.of("event-queue.md", """
                ## EQ-01 One
                **Level:** MUST · **Chapter:** 4 · **Book:** x
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                ## EQ-02 Two
                **Level:** MUST · **Chapter:** 4 · **Book:** x
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                """), "event-queue", """
                @area:event-queue @ch4
                Feature: f
                  @EQ-01 @EQ-02 @id:eq.one
                  Scenario: s
                    Given nothing
                    # EQ-01
                    Then one thing
                    And another thing
                    # EQ-02.7
                    But a third
                  @EQ-01 @id:eq.two
                  Scenario: t
                    Then one rule needs no comment
                """);
        assertThat(problems)
                .anyMatch(p -> p.startsWith("features/event-queue/a.feature:8 is a Then step of a scenario of several rules"))
                .anyMatch(p -> p.startsWith("features/event-queue/a.feature:10 names EQ-02.7 in its comment"))
                .noneMatch(p -> p.contains(":7 ") || p.contains(":13 "));
    }

    /** A numbered clause counts as checked only where a comment above a Then step names it, not by its rule's tag. */
    @Test
    void theGateWantsEveryNumberedClauseNamedByAThenStepOrUntested() throws Exception {
        String spec = """
                ## EQ-01 One
                **Level:** MUST · **Chapter:** 4 · **Book:** x
                - **EQ-01.1** First MUST.
                - **EQ-01.2** Second MUST.
                - **EQ-01.3** Third MUST.
                  - Untested: a reason.
                - **EQ-01.4** Fourth MUST.
                  - Untested: a reason a step contradicts.
                **Intent:** i
                **If this fails, check:** h
                """;
        String feature = """
                @area:event-queue @ch4
                Feature: f
                  @EQ-01 @id:eq.one
                  Scenario: s
                    # EQ-01.1
                    Then one thing
                    # EQ-01
                    And another thing
                    # EQ-01.4
                    But a third
                """;
        var problems = gate(Map.of("event-queue.md", spec), "event-queue", feature);
        assertThat(problems)
                .anyMatch(p -> p.startsWith("EQ-01.2 (event-queue.md) is a numbered clause that no comment above a Then step names"))
                .anyMatch(p -> p.startsWith("features/event-queue/a.feature:8 names EQ-01 as a whole, whose clauses are numbered"))
                .anyMatch(p -> p.startsWith("EQ-01.4 (event-queue.md) is marked untested but eq.one names it"))
                .noneMatch(p -> p.startsWith("EQ-01.1") || p.startsWith("EQ-01.3") || p.startsWith("EQ-01 "));
        var named = gate(Map.of("event-queue.md", spec.replace("  - Untested: a reason a step contradicts.\n", "")),
                "event-queue", feature.replace("# EQ-01\n", "# EQ-01.2\n"));
        assertThat(named).as("every clause named or untested").isEmpty();
    }

    @Test
    void theGateHoldsProtocolRulesDoctorChecksAndProtocolScenariosInStep() throws Exception {
        String rule = """
                #### PR-0%d R
                **Level:** MUST · **Protocol:** §1
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                """;
        var problems = gate(Map.of("protocol.md", rule.formatted(1) + "**Doctor check:** `shutdown`\n\n" + rule.formatted(2)
                + "\n" + rule.formatted(3)), "protocol", """
                Feature: f
                  @PR-02 @id:pr.one
                  Scenario: s
                    Given nothing
                  @PR-02 @area:event-queue @ch4 @id:eq.two
                  Scenario: t
                    Given nothing
                """, Map.of("shutdown", "PR-01", "end of input", "PR-03"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("PR-03") && p.contains("no scenario, no doctor check and no **Untested:** reason"))
                .anyMatch(p -> p.startsWith("the doctor's check \"end of input\" names PR-03, whose **Doctor check:** does not name it"))
                .anyMatch(p -> p.contains("\"t\" is a protocol scenario: it takes no @area: and no @ch tag"))
                .anyMatch(p -> p.contains("has the ID eq.two; IDs of protocol scenarios start with pr."))
                .noneMatch(p -> p.startsWith("PR-01") || p.startsWith("PR-02") || p.contains("\"s\""));
    }

    /** The doctor's checks, by name, with the protocol rule each names. */
    private static Map<String, String> doctorChecks() {
        return Stream.of(CheckName.values()).collect(Collectors.toMap(CheckName::label, CheckName::rule));
    }

    /** The gate's problems for spec pages (file name to text) and one feature file in {@code folder} of features/. */
    private static List<String> gate(Map<String, String> pages, String folder, String feature) throws Exception {
        return gate(pages, folder, feature, Map.of());
    }

    /** The same, with the doctor's checks (name to the rule each names). */
    private static List<String> gate(Map<String, String> pages, String folder, String feature, Map<String, String> doctorChecks)
            throws Exception {
        Path dir = Files.createTempDirectory("trace");
        Path specDir = Files.createDirectories(dir.resolve("spec"));
        for (var page : pages.entrySet()) Files.writeString(specDir.resolve(page.getKey()), page.getValue());
        Path features = dir.resolve("features");
        Files.writeString(Files.createDirectories(features.resolve(folder)).resolve("a.feature"), feature);
        return Traceability.check(SpecIndex.fromDirectory(specDir), FeatureIndex.fromDirectory(features), doctorChecks);
    }
}
