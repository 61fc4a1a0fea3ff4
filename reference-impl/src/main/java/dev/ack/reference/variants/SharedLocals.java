package dev.ack.reference.variants;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code fibers-lose-local}: the programs of a run keep their locals in one place that no switch saves
 * or restores, as locals kept in registers that the book's {@code switch} forgot: after a yield a
 * fiber finds whatever the contexts that ran meanwhile left there.
 *
 * <p>The only variant that is not a teaching class's: the reference's fibers cannot lose a local (a
 * continuation keeps every frame), so the mistake is made where the adapter keeps a program's locals.
 * It fails FB-07, the scale test's count of yields (FB-22) and FB-03, with which the scenario of yields
 * from deep in a call chain is tagged too.
 */
final class SharedLocals implements FibersFactory {
    static final KnownBadVariant VARIANT = KnownBadVariant.fibers("fibers-lose-local",
            "keeps every context's locals in one place that a switch does not save: a fiber's locals do not"
                    + " survive a yield", Set.of("FB-03", "FB-07", "FB-22", "FB-24"), new SharedLocals());

    private SharedLocals() {}

    @Override
    public Supplier<Map<String, Long>> programLocals() {
        Map<String, Long> shared = new HashMap<>();
        return () -> shared;
    }
}
