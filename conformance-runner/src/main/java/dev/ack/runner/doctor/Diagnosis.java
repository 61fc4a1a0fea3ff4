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

    public void print(PrintStream out) {
        out.println("Adapter check (doctor):");
        for (Check c : checks) {
            out.printf("  %s  %s (%s): %s%n", c.ok() ? "ok  " : "FAIL", c.name(), c.rule(), Printable.of(c.detail()).replace("\n", "\n        "));
            if (!c.ok() && !c.hint().isBlank()) out.println("        hint: " + c.hint());
            if (!c.ok()) out.println("        rule: " + c.rule() + " of spec/protocol.md (kit explain " + c.rule() + ")");
        }
    }
}
