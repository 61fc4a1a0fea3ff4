package dev.ack.reference.adapter;

import dev.ack.protocol.Op;

/**
 * One op a handler serves and the function that serves it. The function gets the op's args as their
 * record and returns the result record; reading and writing JSON is {@link OpDispatch}'s job.
 */
public record Route<A, R>(Op<A, R> op, Function<A, R> function) {

    /** Serves one op; may throw the implementation's own exceptions. */
    @FunctionalInterface
    public interface Function<A, R> {
        R apply(A args) throws Exception;
    }

    public static <A, R> Route<A, R> of(Op<A, R> op, Function<A, R> function) {
        return new Route<>(op, function);
    }

    R serve(Object args) throws Exception {
        return function.apply(op.args().cast(args));
    }
}
