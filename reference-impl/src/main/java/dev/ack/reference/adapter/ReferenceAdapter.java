package dev.ack.reference.adapter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The reference adapter: serves the reference implementation over stdin and stdout (spec/protocol.md).
 * {@code --variant NAME} serves a deliberately broken variant of one area instead (see {@link Variants}),
 * to check that the suite catches its defect.
 */
public final class ReferenceAdapter {
    private static final String NAME = "ack-reference";
    /** Used when the classes do not come from a jar with a manifest (e.g. target/classes). */
    private static final String FALLBACK_VERSION = "0.1.0";

    private ReferenceAdapter() {}

    public static void main(String[] args) throws IOException {
        Optional<Variants> variants = variants(args);
        if (variants.isEmpty()) {
            System.err.println("usage: ReferenceAdapter [--variant NAME]");
            System.err.println("known-bad variants: " + Variants.KNOWN_BAD.stream().map(Variants::wireName).toList());
            System.exit(2);
        }
        Handles handles = new Handles();
        new ProtocolServer(name(variants.get()), version(), handles, List.of(
                new EventQueueHandler(handles, variants.get().eventQueue()),
                new FibersHandler(handles, variants.get().fibers()),
                new CoroutinesHandler(handles, variants.get().runtime()),
                new WakersHandler(handles, variants.get().runtime())))
                .serve(System.in, System.out);
    }

    /** The variants the arguments ask for, the reference when they ask for none, empty when they make no sense. */
    private static Optional<Variants> variants(String[] args) {
        if (args.length == 0) return Optional.of(Variants.REFERENCE);
        if (args.length == 2 && args[0].equals("--variant")) return Variants.knownBad(args[1]);
        return Optional.empty();
    }

    private static String name(Variants variants) {
        return variants.equals(Variants.REFERENCE) ? NAME : NAME + " (variant " + variants.wireName() + ")";
    }

    private static String version() {
        String version = ReferenceAdapter.class.getPackage().getImplementationVersion();
        return version == null ? FALLBACK_VERSION : version;
    }
}
