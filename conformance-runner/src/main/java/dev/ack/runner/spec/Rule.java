package dev.ack.runner.spec;

import java.util.Optional;

/**
 * One normative rule of the spec, e.g. EQ-03, with what a reader needs beside its text: why it
 * exists, where in the book it comes from, and what to check when it fails.
 *
 * @param untestedReason present when the suite cannot check the rule through the protocol
 */
public record Rule(String id, String title, String level, int chapter, String source, String text,
                   String intent, String hint, Optional<String> untestedReason, String specFile) {

    public boolean untested() { return untestedReason.isPresent(); }

    /** The rule's area prefix: {@code EQ} for {@code EQ-03}. */
    public String prefix() { return id.substring(0, id.indexOf('-')); }
}
