package dev.ack.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The session's ops (spec/protocol.md §3), which belong to no area: the handshake, {@code reset}
 * between scenarios, and {@code shutdown}.
 */
public final class SessionOps {
    /** §3.1: the first request of every session; the adapter says who it is and what it claims. */
    public static final Op<HelloArgs, HelloResult> HELLO = new Op<>("hello", HelloArgs.class, HelloResult.class);
    /** §3.2: release everything the session created. */
    public static final Op<Empty, Empty> RESET = new Op<>("reset", Empty.class, Empty.class);
    /** §3.3: reply, release everything, exit with status 0. */
    public static final Op<Empty, Empty> SHUTDOWN = new Op<>("shutdown", Empty.class, Empty.class);

    /** Every session op. */
    public static final List<Op<?, ?>> ALL = List.of(HELLO, RESET, SHUTDOWN);

    private SessionOps() {}

    /**
     * The args of {@code hello}.
     *
     * @param protocol the protocol version the runner speaks
     * @param suite    the suite's version, for the adapter's logs
     */
    public record HelloArgs(int protocol, @JsonInclude(JsonInclude.Include.NON_NULL) String suite) {}

    /**
     * The handshake: the result of {@code hello}.
     *
     * @param name         the implementation's name
     * @param version      the implementation's version
     * @param language     the language it is written in
     * @param protocol     the protocol version the adapter speaks, even when it is not the runner's
     * @param areas        the areas it claims, by wire name ({@link Area#wireName()})
     * @param capabilities the optional behaviour it claims ({@link Capability})
     */
    public record HelloResult(String name, String version, String language, int protocol,
                              List<String> areas, List<String> capabilities) {}
}
