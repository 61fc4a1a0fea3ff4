package dev.ack.reference.adapter;

import dev.ack.protocol.Op;

/**
 * One op a handler serves and the function that serves it. The function gets the op's args as their
 * record and returns the result record; reading and writing JSON is {@link OpDispatch}'s job.
 *
 * @param op the op of the protocol served
 * @param function what serves it
 * @param <A> the op's args record
 * @param <R> the op's result record
 */
public record Route<A, R>(Op<A, R> op, Function<A, R> function) {

    /**
     * Serves one op; may throw the implementation's own exceptions.
     *
     * @param <A> the op's args record
     * @param <R> the op's result record
     */
    @FunctionalInterface
    public interface Function<A, R> {
        /**
         * Serves one request of the op.
         *
         * @param args the request's args, checked against the schema and bound to their record
         * @return the result record
         * @throws Exception a failure of the implementation, turned into an error reply by {@link FailureKinds}
         */
        R apply(A args) throws Exception;
    }

    /**
     * The route of {@code op} to {@code function}.
     *
     * @param op the op of the protocol served
     * @param function what serves it
     * @param <A> the op's args record
     * @param <R> the op's result record
     * @return the route
     */
    public static <A, R> Route<A, R> of(Op<A, R> op, Function<A, R> function) {
        return new Route<>(op, function);
    }

    R serve(Object args) throws Exception {
        return function.apply(op.args().cast(args));
    }
}
