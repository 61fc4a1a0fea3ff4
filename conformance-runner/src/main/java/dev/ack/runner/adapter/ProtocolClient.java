package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Op;

import java.time.Duration;
import java.util.Optional;

/**
 * The typed face of a session: an op of the protocol and its args record go out, its result record or
 * its error comes back. The steps speak only through it, so every request they make has the shape the
 * schema gives it (strict mode checks that too).
 */
public final class ProtocolClient {
    private final AdapterSession session;

    public ProtocolClient(AdapterSession session) {
        this.session = session;
    }

    public AdapterSession session() { return session; }

    /** Sends a request with the ordinary deadline; an error reply is thrown as a {@link dev.ack.protocol.ProtocolError}. */
    public <A, R> R call(Op<A, R> op, A args) {
        return exchange(op, args).orThrow();
    }

    /** Sends a request and returns its reply, success or error, with the elapsed time. */
    public <A, R> Outcome<R> exchange(Op<A, R> op, A args) {
        return typed(op, session.exchange(op.name(), Codec.toJson(args)));
    }

    /**
     * Sends a request whose args need not fit the op's schema (the scenario tries a malformed one) and
     * returns its reply, the result untyped; strict mode checks the reply only.
     */
    public Outcome<ObjectNode> exchangeOffSchema(String op, ObjectNode args) {
        AdapterSession.Exchange exchange = session.exchangeOffSchema(op, args);
        return new Outcome<>(exchange.result(), exchange.error(), exchange.sentNanos(), exchange.receivedNanos());
    }

    /** Sends a request expected to take about {@code expected} (a blocking poll) and returns its reply. */
    public <A, R> Outcome<R> exchangeExpecting(Op<A, R> op, A args, Duration expected) {
        return typed(op, session.exchangeExpecting(op.name(), Codec.toJson(args), expected));
    }

    /**
     * Sends a request after which the adapter may end its process (spec/protocol.md §6.1): its reply,
     * or empty when the adapter exited with status 0 instead; {@code expected} as for
     * {@link #exchangeExpecting}, null for the ordinary deadline.
     */
    public <A, R> Optional<Outcome<R>> exchangeOrExit(Op<A, R> op, A args, Duration expected) {
        return session.exchangeOrExit(op.name(), Codec.toJson(args), expected).map(exchange -> typed(op, exchange));
    }

    /** As {@link #exchangeOffSchema}, with the op's typed args and result (a negative delay, to see it refused). */
    public <A, R> Outcome<R> exchangeOffSchema(Op<A, R> op, A args) {
        return typed(op, session.exchangeOffSchema(op.name(), Codec.toJson(args)));
    }

    private static <R> Outcome<R> typed(Op<?, R> op, AdapterSession.Exchange exchange) {
        if (!exchange.ok()) return new Outcome<>(null, exchange.error(), exchange.sentNanos(), exchange.receivedNanos());
        return new Outcome<>(bind(op, exchange.result()), null, exchange.sentNanos(), exchange.receivedNanos());
    }

    /** A result of the wrong types fails the scenario, saying where; strict mode would have stopped it earlier, in the schema's words. */
    private static <R> R bind(Op<?, R> op, ObjectNode result) {
        try {
            return Codec.fromJson(result, op.result());
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the result of `" + op + "` does not fit the protocol: " + e.getMessage()
                    + "; the adapter sent " + result + " (--strict checks every line against spec/protocol.schema.json)");
        }
    }
}
