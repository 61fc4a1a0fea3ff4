package dev.ack.protocol;

/** A line that is not a protocol message; {@link #line()} is the offending text, as received. */
public class MalformedMessageException extends Exception {
    private final String line;

    /**
     * A line that is not a protocol message.
     *
     * @param reason what is wrong with it
     * @param line   the line, as received
     */
    public MalformedMessageException(String reason, String line) {
        super(reason);
        this.line = line;
    }

    /** {@return the offending line, as received} */
    public String line() { return line; }
}
