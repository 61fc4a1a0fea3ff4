package dev.ack.runner.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.ErrorKind;
import dev.ack.runner.adapter.AdapterSession.Exchange;
import dev.ack.runner.suite.RunContext;

/**
 * A request the scenario expects may fail, kept for the "… fails with KIND" step that follows it:
 * how to name it in a message ("`op` {args}") and the reply.
 */
public record Attempt(String attempted, Exchange reply) {

    /** Sends {@code op} with {@code args} and keeps the reply, error or not. */
    public static Attempt send(String op, ObjectNode args) {
        String attempted = "`" + op + "` " + args;
        return new Attempt(attempted, RunContext.session().exchange(op, args));
    }

    /** The last attempt of a scenario, which must have tried something before checking its error. */
    public static Attempt last(Attempt attempt) {
        if (attempt == null) throw new IllegalStateException("the scenario checks an error before it tried anything");
        return attempt;
    }

    public void assertFailedWith(ErrorKind expected) {
        ErrorReplies.assertFailedWith(attempted, reply, expected);
    }
}
