package dev.ack.runner.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A skip file finds a scenario by its ID, by an ID it had before (an alias), or by a rule it checks. */
class SkipListTest {

    @Test
    void aScenarioIsFoundByItsIdItsAliasOrItsRule() throws Exception {
        Path file = Files.createTempFile("skips", ".txt");
        Files.writeString(file, """
                # written before the scenario was renamed
                eq.a-timeout-of-0-still-reports-what-is  baseline: failed
                FB-05  fibers later
                """);
        SkipList skips = SkipList.read(file);
        assertThat(skips.listingOf("eq.a-timeout-of-0-still-reports-what-is-ready",
                List.of("eq.a-timeout-of-0-still-reports-what-is"), List.of("EQ-09")))
                .contains(new SkipList.Listing("eq.a-timeout-of-0-still-reports-what-is", "baseline: failed"));
        assertThat(skips.listingOf("fb.rotation-follows-slot-order", List.of(), List.of("FB-05")))
                .contains(new SkipList.Listing("FB-05", "fibers later"));
        assertThat(skips.listingOf("eq.token-comes-back-exactly#1.2", List.of(), List.of("EQ-04"))).isEmpty();
    }
}
