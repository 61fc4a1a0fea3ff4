package dev.ack.runner.steps;

import dev.ack.protocol.ErrorKind;
import dev.ack.runner.adapter.AdapterSession.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/** The check behind every area's "… fails with KIND" step: the request failed, with exactly this kind. */
public final class ErrorReplies {
    private ErrorReplies() {}

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
