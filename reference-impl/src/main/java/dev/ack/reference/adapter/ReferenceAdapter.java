package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ack.protocol.Codec;
import dev.ack.reference.variants.Implementation;
import dev.ack.reference.variants.KnownBadVariant;
import dev.ack.reference.variants.KnownBadVariants;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The reference adapter: serves the reference implementation over stdin and stdout (spec/protocol.md).
 * {@code --variant NAME} serves a known-bad variant instead, broken in one area, to check that the
 * suite catches its mistake; {@code --list-variants} prints every known-bad variant as JSON.
 */
public final class ReferenceAdapter {
    private static final String NAME = "ack-reference";
    /** Used when the classes do not come from a jar with a manifest (e.g. target/classes). */
    private static final String FALLBACK_VERSION = "0.1.0";

    private ReferenceAdapter() {}

    /**
     * Serves the protocol until the end of input, or lists the variants; exits with status 2 on
     * arguments it does not know.
     *
     * @param args none, {@code --variant NAME} or {@code --list-variants}
     * @throws IOException when stdin or stdout fails
     */
    public static void main(String[] args) throws IOException {
        Optional<KnownBadVariant> variant = args.length == 2 && args[0].equals("--variant")
                ? KnownBadVariants.named(args[1]) : Optional.empty();
        if (args.length == 0) {
            serve(NAME, Implementation.REFERENCE);
        } else if (variant.isPresent()) {
            serve(NAME + " (variant " + variant.get().name() + ")", variant.get().implementation());
        } else if (List.of(args).equals(List.of("--list-variants"))) {
            System.out.println(variantsAsJson());
        } else {
            System.err.println("usage: ReferenceAdapter [--variant NAME | --list-variants]");
            System.err.println("known-bad variants: " + KnownBadVariants.all().stream().map(KnownBadVariant::name).toList());
            System.exit(2);
        }
    }

    /**
     * Serves the protocol on the process's stdin and stdout themselves, not on {@code System.in} and
     * {@code System.out}: a request is one read of the pipe and a reply one write, where System.in's
     * buffer asks the pipe how much it holds after each read (two more system calls a request) and
     * System.out's print stream locks and flushes twice.
     */
    private static void serve(String name, Implementation implementation) throws IOException {
        Handles handles = new Handles();
        new ProtocolServer(name, version(), handles, List.of(
                new EventQueueHandler(handles, implementation.eventQueue()),
                new FibersHandler(handles, implementation.fibers()),
                new CoroutinesHandler(handles, implementation.coroutines()),
                new WakersHandler(handles, implementation.wakers()),
                new PinningHandler(handles, implementation.pinning()),
                new RuntimeHandler(handles, implementation.runtime())))
                .serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }

    /** One line: an array of {@code {name, area, chapter, description, fails}}, the rules in order. */
    private static String variantsAsJson() {
        ArrayNode variants = Codec.JSON.createArrayNode();
        for (KnownBadVariant variant : KnownBadVariants.all()) {
            ArrayNode fails = variants.addObject()
                    .put("name", variant.name())
                    .put("area", variant.area().wireName())
                    .put("chapter", variant.area().chapter())
                    .put("description", variant.description())
                    .putArray("fails");
            variant.fails().stream().sorted().forEach(fails::add);
        }
        return variants.toString();
    }

    private static String version() {
        String version = ReferenceAdapter.class.getPackage().getImplementationVersion();
        return version == null ? FALLBACK_VERSION : version;
    }
}
