package dev.ack.runner.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Op;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.suite.RunContext;

/**
 * A request the scenario expects may fail, kept for the "… fails with KIND" step that follows it:
 * how to name it in a message ("`op` {args}") and the reply.
 */
public record Attempt(String attempted, Outcome<?> reply) {
    /** A handle no adapter issues in a scenario: the largest the schema allows (2^53 - 1). */
    public static final long NEVER_ISSUED = (1L << 53) - 1;

    /** Sends {@code op} with {@code args} and keeps the reply, error or not. */
    public static <A> Attempt send(Op<A, ?> op, A args) {
        return new Attempt(ExpectedReplies.describe(op, args), RunContext.client().exchange(op, args));
    }

    /**
     * Sends {@code op} with {@code args} as the scenario wrote them, which may break the op's schema on
     * purpose (a {@code BadRequest} the scenario expects), and keeps the reply.
     */
    public static Attempt sendOffSchema(String op, ObjectNode args) {
        return new Attempt("`" + op + "` " + args, RunContext.client().exchangeOffSchema(op, args));
    }

    /** The last attempt of a scenario, which must have tried something before checking its error. */
    public static Attempt last(Attempt attempt) {
        if (attempt == null) throw new IllegalStateException("the scenario checks an error before it tried anything");
        return attempt;
    }

    /** Fails the scenario's rule when the request was answered with an error. */
    public void assertSucceeded() {
        ExpectedReplies.succeeded(attempted, reply, "the scenario expected it to succeed");
    }

    public void assertFailedWith(ErrorKind expected) {
        ExpectedReplies.failedWith(attempted, reply, expected);
    }
}
