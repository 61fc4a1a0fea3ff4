package dev.ack.reference.adapter;

import dev.ack.protocol.Area;
import java.util.List;

/**
 * Serves the ops of one area: a list of routes, each an op of the protocol and the function that
 * serves it, args record in, result record out. A new area is a new handler given to the
 * {@link ProtocolServer}; the server, the session ops and the other handlers stay as they are.
 */
interface AreaHandler {
    /** The area this handler claims in the handshake. */
    Area area();

    /** The capabilities of this area the implementation has, claimed in the handshake: none unless it says. */
    default List<String> capabilities() {
        return List.of();
    }

    /**
     * The ops this handler serves. A failure the runner checks by kind is thrown as the implementation's
     * own exception, which {@link FailureKinds} names, or as a {@link dev.ack.protocol.ProtocolError};
     * anything else is reported as {@code Internal}.
     */
    List<Route<?, ?>> routes();

    /**
     * Releases what the area keeps outside {@link Handles} (threads, a reactor, named leaves); called
     * at {@code reset}, {@code shutdown} and the end of input, before the handles are released (§3.2).
     */
    default void reset() throws Exception {}
}
