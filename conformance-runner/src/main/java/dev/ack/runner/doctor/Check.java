package dev.ack.runner.doctor;

/** One thing the doctor checked about an adapter, and what it found. */
public record Check(String name, boolean ok, String detail, String hint) {

    static Check ok(String name, String detail) { return new Check(name, true, detail, ""); }

    static Check failed(String name, String detail, String hint) { return new Check(name, false, detail, hint); }
}
