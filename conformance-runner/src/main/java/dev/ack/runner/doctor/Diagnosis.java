package dev.ack.runner.doctor;

import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.Printable;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** Everything the doctor found; {@link #canRun()} says whether the scenarios can run at all. */
public record Diagnosis(List<Check> checks, Optional<Handshake> handshake) {

    public boolean healthy() { return checks.stream().allMatch(Check::ok); }

    /** The scenarios need at least a working handshake. */
    public boolean canRun() { return handshake.isPresent(); }

    /** Prints the checks in one write, so that lines other threads print meanwhile never land among them. */
    public void print(PrintStream out) {
        StringBuilder text = new StringBuilder("Adapter check (doctor):").append(System.lineSeparator());
        for (Check c : checks) {
            text.append(String.format("  %s  %s (%s): %s%n", c.ok() ? "ok  " : "FAIL", c.name(), c.rule(), Printable.of(c.detail()).replace("\n", "\n        ")));
            if (!c.ok() && !c.hint().isBlank()) text.append("        hint: ").append(c.hint()).append(System.lineSeparator());
            if (!c.ok()) text.append("        rule: ").append(c.rule()).append(" of spec/protocol.md (kit explain ").append(c.rule()).append(")").append(System.lineSeparator());
        }
        out.print(text);
    }
}
