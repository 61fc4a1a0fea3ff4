package dev.ack.protocol;

/** The args or result {@code {}}: an op that needs no args, or says nothing but success. */
public record Empty() {
    /** The one value there is. */
    public static final Empty VALUE = new Empty();
}
