package dev.ack.runner.verdict;

/**
 * A When step's own request is what the scenario checks, and it did not come back: a poll that a wake
 * must end, a fiber program that must finish. Its failure fails the rule, though a timeout elsewhere is
 * a harness fault and a When step's failure elsewhere only blocks.
 */
public final class SubjectFailed extends AssertionError {
    public SubjectFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
