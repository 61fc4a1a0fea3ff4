package dev.ack.protocol;

/** A line that is not a protocol message; {@link #line()} is the offending text, as received. */
public class MalformedMessageException extends Exception {
    private final String line;

    public MalformedMessageException(String reason, String line) {
        super(reason);
        this.line = line;
    }

    public String line() { return line; }
}
