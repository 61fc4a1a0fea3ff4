package dev.ack.runner.spec;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario's former ID still finds it, and the kit says it is an alias. */
class ScenarioIdsTest {
    private static final ScenarioIds IDS = ScenarioIds.of(FeatureIndex.fromDirectory(Path.of("..", "features")));

    @Test
    void anAliasStandsForTheScenarioThatWasRenamed() {
        assertThat(IDS.idFor("eq.a-timeout-of-0-still-reports-what-is")).contains("eq.a-timeout-of-0-still-reports-what-is-ready");
        assertThat(IDS.idFor("eq.a-timeout-of-0-still-reports-what-is-ready")).as("an ID is no alias").isEmpty();
    }

    @Test
    void aSelectionByAnAliasSelectsTheScenarioAndSaysSo() {
        List<String> notes = new ArrayList<>();
        String resolved = IDS.resolve("@id:eq.a-timeout-of-0-still-reports-what-is or @EQ-03", notes::add);
        assertThat(resolved).isEqualTo("@id:eq.a-timeout-of-0-still-reports-what-is-ready or @EQ-03");
        assertThat(notes).containsExactly("eq.a-timeout-of-0-still-reports-what-is is an alias of eq.a-timeout-of-0-still-reports-what-is-ready");
    }
}
