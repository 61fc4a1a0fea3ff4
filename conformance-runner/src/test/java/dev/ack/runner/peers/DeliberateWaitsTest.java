package dev.ack.runner.peers;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario's deliberate waits count the time they cover: waits side by side count once. */
class DeliberateWaitsTest {
    private static final long MS = 1_000_000;

    @Test
    void overlappingWaitsCountOnceAndSeparateOnesAddUp() {
        DeliberateWaits.scenarioBegins();
        DeliberateWaits waits = DeliberateWaits.ofThisScenario();
        waits.waited(0, 500 * MS);
        waits.waited(100 * MS, 300 * MS);
        waits.waited(400 * MS, 800 * MS);
        waits.waited(1000 * MS, 1100 * MS);
        assertThat(waits.covered()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aNewScenarioStartsWithNoWaits() {
        DeliberateWaits.ofThisScenario().waited(0, 5 * MS);
        DeliberateWaits.scenarioBegins();
        assertThat(DeliberateWaits.ofThisScenario().covered()).isZero();
    }
}
