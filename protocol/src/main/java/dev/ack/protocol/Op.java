package dev.ack.protocol;

import java.util.Optional;

/**
 * One operation of the protocol: its wire name and the Java types of its args and of its result, the
 * records that the runner sends and the reference adapter receives. Each area declares its ops once
 * (e.g. {@code EventQueueOps}); a test checks every op against its definition in the schema
 * ({@code $defs/ops/<name>}), so the Java types, the schema and protocol.md cannot drift apart.
 *
 * @param name   the op's wire name, e.g. {@code eq.poll}
 * @param args   the record its args map to ({@link Empty} for {@code {}})
 * @param result the record its result maps to ({@link Empty} for {@code {}})
 * @param <A>    the type of the args
 * @param <R>    the type of the result
 */
public record Op<A, R>(String name, Class<A> args, Class<R> result) {

    /**
     * An op of {@code area}: its wire name is the area's op prefix and {@code suffix}.
     *
     * @param area   the area the op belongs to
     * @param suffix the name after the prefix, e.g. {@code poll_new}
     * @param args   the record its args map to
     * @param result the record its result maps to
     * @param <A>    the type of the args
     * @param <R>    the type of the result
     * @return the op
     */
    public static <A, R> Op<A, R> of(Area area, String suffix, Class<A> args, Class<R> result) {
        return new Op<>(area.opPrefix() + suffix, args, result);
    }

    /** {@return the area this op belongs to; empty for the session ops} */
    public Optional<Area> area() {
        return Area.ofOp(name);
    }

    /** {@return the op's definition in the schema, e.g. {@code ops/eq.poll}; its args and result are below it} */
    public String schemaDefinition() {
        return "ops/" + name;
    }

    @Override
    public String toString() {
        return name;
    }
}
