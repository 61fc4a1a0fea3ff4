package dev.ack.runner.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.ErrorKind;
import dev.ack.runner.adapter.AdapterSession.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of a reply against what the scenario expected: success for an ordinary request, and the
 * one behind every area's "… fails with KIND" step.
 */
public final class ErrorReplies {
    private ErrorReplies() {}

    /**
     * The result of a request the scenario expected to succeed; an error reply fails the scenario with
     * "{@code attempted} failed with KIND ("message"); {@code expectation}".
     */
    public static ObjectNode assertSucceeded(String attempted, Exchange reply, String expectation) {
        if (reply.ok()) return reply.result();
        throw new AssertionError(attempted + " failed with " + reply.error().kind() + " (\""
                + reply.error().getMessage() + "\"); " + expectation);
    }

    /** {@code attempted} describes the request for the message, e.g. "`eq.register` {...}". */
    public static void assertFailedWith(String attempted, Exchange attempt, ErrorKind expected) {
        assertThat(attempt.ok())
                .withFailMessage("expected %s to fail with %s, it succeeded with %s", attempted, expected, attempt.result())
                .isFalse();
        assertThat(attempt.error().kind())
                .withFailMessage("expected %s to fail with %s, it failed with %s (\"%s\")", attempted, expected,
                        attempt.error().kind(), attempt.error().getMessage())
                .isEqualTo(expected);
    }
}
