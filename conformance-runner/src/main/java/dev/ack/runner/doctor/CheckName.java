package dev.ack.runner.doctor;

/**
 * The doctor's checks, each with the protocol rule it checks (spec/protocol.md): the rule names the
 * check (its {@code **Doctor check:**} field), the check names the rule in its failure, and the
 * traceability gate holds the two in step.
 */
public enum CheckName {
    /** The handshake answers {@code hello} as the schema says. */
    HANDSHAKE("handshake", "PR-11"),
    /** A reply carries its request's id. */
    REQUEST_IDS("request ids", "PR-05"),
    /** A line that is not JSON gets BadRequest. */
    MALFORMED_LINE("malformed line", "PR-06"),
    /** An op no version defines gets BadRequest. */
    UNKNOWN_OP("unknown op", "PR-06"),
    /** The adapter answers after error replies. */
    SERVES_ON("serves on after errors", "PR-08"),
    /** The adapter broke down during the checks (crashed, timed out, a protocol error). */
    PROTOCOL("protocol", "PR-08"),
    /** {@code shutdown} replies and exits with status 0. */
    SHUTDOWN("shutdown", "PR-13"),
    /** The end of stdin ends the adapter with status 0. */
    END_OF_INPUT("end of input", "PR-14");

    private final String label;
    private final String rule;

    CheckName(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    /** The check's name as the doctor prints it and the spec names it. */
    public String label() { return label; }

    /** The protocol rule it checks, e.g. {@code PR-06}. */
    public String rule() { return rule; }
}
