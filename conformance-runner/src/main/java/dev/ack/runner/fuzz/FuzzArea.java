package dev.ack.runner.fuzz;

import dev.ack.protocol.Area;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.ProtocolClient;
import org.quicktheories.core.Gen;

import java.util.List;

/**
 * One area's part in {@code kit fuzz}: how its cases are made, run on a reset adapter, compared, made
 * smaller, and written as a scenario of {@code features/<area>/}.
 *
 * @param <C> a case: a program, and for some areas the steps that drive it
 * @param <R> what running a case showed
 */
interface FuzzArea<C, R> {

    Area area();

    /** Why this adapter cannot be fuzzed in this area though it claims it, or null when it can. */
    default String unfit(Handshake implementation) { return null; }

    /** The cases, for an implementation with this handshake: a case uses only what it and the reference claim. */
    Gen<C> cases(Handshake implementation, Handshake reference);

    /**
     * Runs {@code c} on a freshly reset adapter. An error reply or adapter fault that the case does not
     * expect is thrown; one the spec asks for is part of the result.
     */
    R run(ProtocolClient client, C c);

    /**
     * What of {@code result} the spec fixes, as lines: two results are the same when their lines are;
     * an order the spec leaves free is written in one fixed order.
     */
    List<String> comparable(C c, R result);

    /** Cases one step smaller than {@code c}, the biggest steps first; each one valid. */
    List<C> smaller(C c);

    /**
     * {@code c} as a scenario of the area's features, tagged with {@code id} and what its steps need,
     * expecting {@code expected}.
     */
    String scenario(String id, String title, C c, R expected);
}
