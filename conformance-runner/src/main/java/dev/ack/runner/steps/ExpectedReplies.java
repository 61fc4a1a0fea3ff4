package dev.ack.runner.steps;

import dev.ack.protocol.Codec;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Op;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.verdict.OpFailed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scenario expects of a reply, checked in one place for every area: success for an ordinary
 * request, and the error kind behind every "… fails with KIND" step. Failure messages name the request
 * as it went out ("`eq.register` {...}").
 */
public final class ExpectedReplies {
    private ExpectedReplies() {}

    /** How failure messages name a request: "`eq.register` {"poll":1,...}". */
    public static String describe(Op<?, ?> op, Object args) {
        return "`" + op + "` " + Codec.toJson(args);
    }

    /** Sends a request the scenario expects to succeed; an error reply fails the scenario, saying what was asked. */
    public static <A, R> R succeed(Op<A, R> op, A args) {
        return succeeded(describe(op, args), RunContext.client().exchange(op, args), "the scenario expected it to succeed");
    }

    /**
     * The result of a request the scenario expected to succeed; an error reply fails the scenario with
     * "{@code attempted} failed with KIND ("message"); {@code expectation}".
     */
    public static <R> R succeeded(String attempted, Outcome<R> reply, String expectation) {
        if (reply.ok()) return reply.result();
        throw new OpFailed(attempted + " failed with " + reply.error().kind() + " (\""
                + reply.error().getMessage() + "\"); " + expectation);
    }

    /** {@code attempted} describes the request for the message, e.g. "`eq.register` {...}". */
    public static void failedWith(String attempted, Outcome<?> reply, ErrorKind expected) {
        assertThat(reply.ok())
                .withFailMessage("expected %s to fail with %s, it succeeded with %s", attempted, expected, reply.result())
                .isFalse();
        assertThat(reply.error().kind())
                .withFailMessage("expected %s to fail with %s, it failed with %s (\"%s\")", attempted, expected,
                        reply.error().kind(), reply.error().getMessage())
                .isEqualTo(expected);
    }
}
