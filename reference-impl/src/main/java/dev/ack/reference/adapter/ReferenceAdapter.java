package dev.ack.reference.adapter;

import dev.ack.reference.eventqueue.Variant;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The reference adapter: serves the reference implementation over stdin and stdout (spec/protocol.md).
 * {@code --variant NAME} serves a deliberately broken {@link Variant} instead, to check that the suite
 * catches its defect.
 */
public final class ReferenceAdapter {
    private static final String NAME = "ack-reference";
    /** Used when the classes do not come from a jar with a manifest (e.g. target/classes). */
    private static final String FALLBACK_VERSION = "0.1.0";

    private ReferenceAdapter() {}

    public static void main(String[] args) throws IOException {
        Optional<Variant> variant = variant(args);
        if (variant.isEmpty()) {
            System.err.println("usage: ReferenceAdapter [--variant NAME]");
            System.err.println("known-bad variants: " + List.of(Variant.values()).stream()
                    .filter(v -> v != Variant.REFERENCE).map(Variant::wireName).toList());
            System.exit(2);
        }
        Handles handles = new Handles();
        new ProtocolServer(name(variant.get()), version(), handles,
                List.of(new EventQueueHandler(handles, variant.get())))
                .serve(System.in, System.out);
    }

    /** The variant the arguments ask for, the reference when they ask for none, empty when they make no sense. */
    private static Optional<Variant> variant(String[] args) {
        if (args.length == 0) return Optional.of(Variant.REFERENCE);
        if (args.length == 2 && args[0].equals("--variant")) return Variant.knownBad(args[1]);
        return Optional.empty();
    }

    private static String name(Variant variant) {
        return variant == Variant.REFERENCE ? NAME : NAME + " (variant " + variant.wireName() + ")";
    }

    private static String version() {
        String version = ReferenceAdapter.class.getPackage().getImplementationVersion();
        return version == null ? FALLBACK_VERSION : version;
    }
}
