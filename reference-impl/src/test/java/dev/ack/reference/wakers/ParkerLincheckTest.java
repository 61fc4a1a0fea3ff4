package dev.ack.reference.wakers;

import static dev.ack.reference.wakers.LincheckRuns.scenario;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Model checking and stress tests of the {@link Parker}: in every interleaving Lincheck explores, a
 * park with an unpark to come (before or after it) returns; one that did not would hang, and
 * Lincheck reports a hung execution. Every scenario here has at least one unpark per park.
 */
class ParkerLincheckTest {
    public static class Parking {
        static final AtomicLong INVOCATIONS = new AtomicLong();

        private final Parker parker = new Parker();

        public Parking() {
            INVOCATIONS.incrementAndGet();
        }

        @Operation
        public void park() throws InterruptedException {
            parker.park();
        }

        @Operation
        public void unpark() {
            parker.unpark();
        }
    }

    /** Only whether each park returns is checked, so one at a time they do nothing and return nothing. */
    public static class Sequential {
        public void park() {}

        public void unpark() {}
    }

    @Test
    void aParkWithAnUnparkToComeAlwaysReturns() {
        List<String> none = List.of();
        check(new ModelCheckingOptions()
                .addCustomScenario(scenario(Parking.class, none, List.of("park"), List.of("unpark")))
                .addCustomScenario(scenario(Parking.class, List.of("unpark"), List.of("park"), List.of("unpark")))
                .addCustomScenario(scenario(Parking.class, none, List.of("park"), List.of("unpark"), List.of("unpark")))
                .addCustomScenario(scenario(Parking.class, none, List.of("unpark", "park"), List.of("unpark")))
                .iterations(0).invocationsPerIteration(10_000), "model checking, 4 custom scenarios");
        check(new StressOptions()
                .addCustomScenario(scenario(Parking.class, none, List.of("park"), List.of("unpark")))
                .addCustomScenario(scenario(Parking.class, List.of("unpark"), List.of("park"), List.of("unpark")))
                .iterations(0).invocationsPerIteration(10_000), "stress, 2 custom scenarios");
    }

    private static void check(Options<?, ?> options, String what) {
        LincheckRuns.check(options, Parking.class, Sequential.class, Parking.INVOCATIONS, what);
    }
}
