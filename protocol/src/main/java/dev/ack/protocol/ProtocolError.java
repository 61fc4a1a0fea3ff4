package dev.ack.protocol;

/**
 * A failure that travels as an error reply: thrown by an adapter's handlers, and carried by the
 * runner's client when an adapter answers {@code "ok": false}.
 */
public class ProtocolError extends RuntimeException {
    private final ErrorKind kind;

    public ProtocolError(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProtocolError(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() { return kind; }

    @Override
    public String toString() { return kind + ": " + getMessage(); }
}
