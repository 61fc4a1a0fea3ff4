package dev.ack.runner.verdict;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StallDetectorTest {

    @Test
    void aMissTheRunnersOwnStallExplainsIsInconclusiveALargerOneFails() {
        StallDetector.scenarioBegins();
        StallDetector.heldUp(Duration.ofMillis(1).toNanos());
        assertThat(StallDetector.sinceScenarioBegan().total()).as("timer slack is no stall").isZero();
        StallDetector.heldUp(Duration.ofMillis(120).toNanos());
        StallDetector.heldUp(Duration.ofMillis(80).toNanos());
        assertThat(StallDetector.sinceScenarioBegan().total()).isEqualTo(Duration.ofMillis(200));
        assertThat(StallDetector.sinceScenarioBegan().longest()).isEqualTo(Duration.ofMillis(120));
        assertThat(StallDetector.missed(Duration.ofMillis(150), Duration.ZERO, "took 1650 ms, bound 1500 ms"))
                .isInstanceOf(Inconclusive.class).hasMessageContaining("held up 200 ms in all (longest 120 ms)");
        assertThat(StallDetector.missed(Duration.ofMillis(900), Duration.ofMillis(600), "took 2400 ms, bound 1500 ms"))
                .isNotInstanceOf(Inconclusive.class).hasMessageStartingWith("took 2400 ms, bound 1500 ms");
        assertThat(StallDetector.missed(Duration.ofMillis(900), Duration.ofMillis(700), "took 2400 ms"))
                .as("the adapter's wait for a CPU counts too").isInstanceOf(Inconclusive.class);
        StallDetector.scenarioBegins();
        assertThat(StallDetector.missed(Duration.ofMillis(150), Duration.ZERO, "x")).as("a new scenario counts afresh").isNotInstanceOf(Inconclusive.class);
    }
}
