package dev.ack.runner.doctor;

/** One thing the doctor checked about an adapter, the protocol rule it checks, and what it found. */
public record Check(CheckName check, boolean ok, String detail, String hint) {

    static Check ok(CheckName check, String detail) { return new Check(check, true, detail, ""); }

    static Check failed(CheckName check, String detail, String hint) { return new Check(check, false, detail, hint); }

    /** The check's name, as the doctor prints it. */
    public String name() { return check.label(); }

    /** The protocol rule the check checks, e.g. {@code PR-06}. */
    public String rule() { return check.rule(); }
}
