package dev.ack.runner.fuzz;

import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.SessionOps;
import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.adapter.RunSettings;
import org.quicktheories.api.AsString;
import org.quicktheories.core.NoGuidance;
import org.quicktheories.core.Reporter;
import org.quicktheories.core.Strategy;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import static org.quicktheories.QuickTheory.qt;

/**
 * One run of {@code kit fuzz}: for each area asked for, up to {@code cases} cases made from the seed
 * (QuickTheories' seeded generation) run on the implementation and on the reference, each on a freshly
 * reset adapter; the first case whose results differ is shrunk and printed as a scenario.
 */
public final class Differential implements AutoCloseable {
    /** How many smaller cases the shrinker may try: enough for a 1-minimal case in practice, bounded for the build. */
    private static final int MAX_SHRINK_TRIES = 400;
    /** Fewer for a crash or a hang: a hang costs a whole reply deadline a try. */
    private static final int MAX_SHRINK_TRIES_OF_A_FAULT = 30;
    private static final List<FuzzArea<?, ?>> AREAS = List.of(new EventQueueFuzz(), new FiberFuzz(), new CoroutineFuzz(), new WakerFuzz());

    /**
     * What to check.
     *
     * @param implementation the adapter under test
     * @param reference      the reference adapter
     * @param seed           where the cases come from: the same seed makes the same cases
     * @param cases          how many cases per area
     * @param areas          the areas to fuzz, those {@code kit fuzz} knows when empty
     */
    public record Plan(RunSettings implementation, RunSettings reference, long seed, int cases, List<Area> areas) {}

    /** What a run found. */
    public enum Finding {
        /** Every case ran alike on both. */
        NONE,
        /** A case diverged: the implementation answered otherwise. */
        DIVERGENCE,
        /** A case diverged because the implementation's adapter crashed, timed out or broke the protocol. */
        HARNESS_FAULT,
        /** No area was fuzzed: the implementation claims none of them. */
        NOTHING_CHECKED
    }

    /** The areas {@code kit fuzz} can fuzz. */
    public static List<Area> areas() {
        return AREAS.stream().<Area>map(FuzzArea::area).toList();
    }

    private final Plan plan;
    private final PrintStream out;
    private final Side implementation;
    private final Side reference;

    public Differential(Plan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
        this.implementation = new Side(plan.implementation());
        this.reference = new Side(plan.reference());
    }

    /** Fuzzes every area asked for, in chapter order, and stops at the first divergence. */
    public Finding run() {
        Handshake theirs = implementation.fresh().session().handshake();
        Handshake ours = reference.fresh().session().handshake();
        boolean checked = false;
        for (FuzzArea<?, ?> area : AREAS) {
            if (!plan.areas().isEmpty() && !plan.areas().contains(area.area())) continue;
            String name = area.area().wireName();
            if (!theirs.claimsArea(name)) {
                out.println(name + ": not claimed by the implementation, not fuzzed");
                continue;
            }
            String unfit = area.unfit(theirs);
            if (unfit != null) {
                out.println(name + ": not fuzzed, " + unfit);
                continue;
            }
            checked = true;
            Finding finding = fuzz(area, theirs, ours);
            if (finding != Finding.NONE) return finding;
        }
        return checked ? Finding.NONE : Finding.NOTHING_CHECKED;
    }

    private <C, R> Finding fuzz(FuzzArea<C, R> area, Handshake theirs, Handshake ours) {
        String name = area.area().wireName();
        FirstFailure<C> first = new FirstFailure<>();
        int[] tried = {0};
        qt(() -> new Strategy(Strategy.defaultPRNG(plan.seed()), plan.cases(), 0, 0, 10, first, random -> new NoGuidance()))
                .forAll(area.cases(theirs, ours))
                .check(c -> {
                    tried[0]++;
                    return diverge(area, c).isEmpty();
                });
        if (first.cause != null) throw new IllegalStateException("kit fuzz failed on a case of " + name, first.cause);
        if (first.found == null) {
            out.println(name + ": " + tried[0] + " cases from seed " + plan.seed() + ", all alike on the implementation and the reference");
            return Finding.NONE;
        }
        boolean fault = diverge(area, first.found).map(Divergence::fault).orElse(false);
        Shrinker.Shrunk<C> shrunk = Shrinker.shrink(first.found, area::smaller, c -> diverge(area, c).isPresent(),
                fault ? MAX_SHRINK_TRIES_OF_A_FAULT : MAX_SHRINK_TRIES);
        Optional<Divergence<R>> again = diverge(area, shrunk.smallest());
        if (again.isEmpty()) {
            out.printf("%s: case %d of seed %s diverged from the reference, but not every time it ran: the implementation "
                    + "answers one program in ways the spec does not leave free, from run to run%n", name, tried[0], plan.seed());
            return Finding.DIVERGENCE;
        }
        Divergence<R> divergence = again.get();
        String id = area.area().opPrefix() + "fuzz-seed-" + plan.seed() + "-case-" + tried[0];
        out.printf("%s: case %d of seed %s diverged from the reference; shrunk in %d tries to this scenario, which expects what "
                        + "the reference did (tag it with the rule it checks before adding it to features/%s/):%n%n",
                name, tried[0], plan.seed(), shrunk.tries(), name);
        out.println(area.scenario(id, "kit fuzz --seed " + plan.seed() + ", case " + tried[0] + ", shrunk", shrunk.smallest(), divergence.expected()));
        out.println("What the reference and the implementation did, as kit fuzz compares it (an order the spec leaves free is put in one order):");
        out.println("  the reference:\n    " + String.join("\n    ", divergence.wanted()));
        out.println("  the implementation:\n    " + String.join("\n    ", divergence.got()));
        return divergence.fault() ? Finding.HARNESS_FAULT : Finding.DIVERGENCE;
    }

    /**
     * A case on which the implementation did otherwise than the reference.
     *
     * @param expected what the reference did
     * @param wanted   its comparable lines
     * @param got      the implementation's, or what went wrong with it
     * @param fault    whether the implementation's adapter crashed, timed out or broke the protocol
     */
    private record Divergence<R>(R expected, List<String> wanted, List<String> got, boolean fault) {}

    /** Runs {@code c} on both; a failure of the reference on a valid case is the kit's, and thrown. */
    private <C, R> Optional<Divergence<R>> diverge(FuzzArea<C, R> area, C c) {
        R expected = area.run(reference.fresh(), c);
        List<String> wanted = area.comparable(c, expected);
        List<String> got;
        boolean fault = false;
        try {
            got = area.comparable(c, area.run(implementation.fresh(), c));
        } catch (ProtocolError e) {
            got = List.of("an error reply: " + e);
        } catch (AssertionError e) {
            got = List.of(e.getMessage());
        } catch (AdapterFault e) {
            got = List.of(e.getMessage());
            fault = true;
        }
        return wanted.equals(got) ? Optional.empty() : Optional.of(new Divergence<>(expected, wanted, got, fault));
    }

    @Override
    public void close() {
        implementation.close();
        reference.close();
    }

    /** Keeps QuickTheories' report of the first failing case, instead of its exception for a test. */
    private static final class FirstFailure<C> implements Reporter {
        C found;
        Throwable cause;

        @Override
        @SuppressWarnings("unchecked")
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> examples,
                                   AsString<Object> toString) {
            this.found = (C) smallest;
            this.cause = cause;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> examples, AsString<Object> toString) {
            this.found = (C) smallest;
        }

        @Override
        public void valuesExhausted(int examplesUsed) {
            // cannot happen: no case is ever rejected
        }
    }

    /** One adapter, started once and started again after a fault; each case gets it freshly reset. */
    private static final class Side implements AutoCloseable {
        private final RunSettings settings;
        private AdapterSession session;
        private ProtocolClient client;

        Side(RunSettings settings) {
            this.settings = settings;
        }

        ProtocolClient fresh() {
            if (session == null || !session.alive()) {
                if (session != null) session.close();
                session = AdapterSession.start(settings);
                client = new ProtocolClient(session);
            }
            session.beginScenario();
            client.call(SessionOps.RESET, Empty.VALUE);
            return client;
        }

        @Override
        public void close() {
            if (session != null) session.close();
        }
    }
}
