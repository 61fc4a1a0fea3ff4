package dev.ack.runner.spec;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traceability gate of the build: every rule of spec/ is checked by a scenario of features/ or
 * says why not, and every rule a scenario names exists.
 */
class TraceabilityTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyRuleIsCoveredOrJustifiedAndEveryTagNamesARule() {
        SpecIndex spec = SpecIndex.fromDirectory(REPO.resolve("spec"));
        FeatureIndex features = FeatureIndex.fromDirectory(REPO.resolve("features"));
        assertThat(spec.rules()).as("rules in spec/").isNotEmpty();
        assertThat(features.scenarios()).as("scenarios in features/").isNotEmpty();
        assertThat(Traceability.check(spec, features)).as("traceability problems").isEmpty();
    }

    @Test
    void theGateCatchesAnUncoveredRuleAndAnUnknownTag() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("trace");
        Path specDir = java.nio.file.Files.createDirectories(dir.resolve("spec"));
        Path featureDir = java.nio.file.Files.createDirectories(dir.resolve("features"));
        java.nio.file.Files.writeString(specDir.resolve("event-queue.md"), """
                ## EQ-01 One
                **Level:** MUST · **Chapter:** 4 · **Source:** x
                Text MUST.
                **Intent:** i
                **If this fails, check:** h
                """);
        java.nio.file.Files.writeString(featureDir.resolve("a.feature"), """
                @area:event-queue @ch4
                Feature: f
                  @EQ-09
                  Scenario: s
                    Given nothing
                """);
        var problems = Traceability.check(SpecIndex.fromDirectory(specDir), FeatureIndex.fromDirectory(featureDir));
        assertThat(problems).anyMatch(p -> p.startsWith("EQ-01") && p.contains("no scenario"))
                .anyMatch(p -> p.contains("names EQ-09, which no spec file defines"));
    }
}
