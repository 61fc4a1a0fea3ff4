package dev.ack.runner.spec;

import java.util.List;
import java.util.Optional;

/**
 * One normative rule of the spec, e.g. EQ-03, with what a reader needs beside its text: why it
 * exists, where it comes from, and what to check when it fails.
 *
 * @param source         where the rule comes from: the book's file and function, or for a rule beyond
 *                       the book, its capability and where the behaviour comes from
 * @param capabilities   empty for a rule the chapter's code follows; for a rule beyond the book, the
 *                       capabilities an implementation claims to be checked on it
 * @param untestedReason present when the suite cannot check the rule through the protocol
 * @param bookNote       present where the book's own code has a defect that the rule catches
 * @param formerly       a protocol rule's old name ({@code P-1}), still accepted by {@code kit explain}
 * @param doctorChecks   the doctor's checks that check a protocol rule (by their names)
 */
public record Rule(String id, String title, String level, int chapter, String source, List<String> capabilities,
                   String text, String intent, String hint, Optional<String> untestedReason, Optional<String> bookNote,
                   String specFile, Optional<String> formerly, List<String> doctorChecks) {

    /** The prefix of the protocol's own rules (spec/protocol.md), which belong to no area. */
    public static final String PROTOCOL_PREFIX = "PR";

    /** Whether this is a rule of the protocol itself (framing, ids, replies, error kinds, handles), not of an area. */
    public boolean protocol() { return prefix().equals(PROTOCOL_PREFIX); }

    public boolean untested() { return untestedReason.isPresent(); }

    /** Whether the rule asks for more than the book's code for its chapter does (it names capabilities). */
    public boolean beyondTheBook() { return !capabilities.isEmpty(); }

    /** The rule's area prefix: {@code EQ} for {@code EQ-03}. */
    public String prefix() { return id.substring(0, id.indexOf('-')); }
}
