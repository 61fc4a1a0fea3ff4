package dev.ack.protocol;

/**
 * A failure that travels as an error reply: thrown by an adapter's handlers, and carried by the
 * runner's client when an adapter answers {@code "ok": false}.
 */
public class ProtocolError extends RuntimeException {
    private final ErrorKind kind;

    /**
     * An error reply.
     *
     * @param kind    its kind, which rules are checked on
     * @param message for humans
     */
    public ProtocolError(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * An error reply caused by another failure.
     *
     * @param kind    its kind, which rules are checked on
     * @param message for humans
     * @param cause   the failure behind it
     */
    public ProtocolError(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** {@return the kind the reply carries} */
    public ErrorKind kind() { return kind; }

    @Override
    public String toString() { return kind + ": " + getMessage(); }
}
