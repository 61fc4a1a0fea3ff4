package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Area;
import java.util.List;

/**
 * Serves the ops of one area. A new area is a new handler given to the {@link ProtocolServer}; the
 * server, the session ops and the other handlers stay as they are.
 */
interface AreaHandler {
    /** The area this handler claims in the handshake. */
    Area area();

    /** The capabilities of this area the implementation has, claimed in the handshake: none unless it says. */
    default List<String> capabilities() {
        return List.of();
    }

    /** The prefix of this area's ops, e.g. {@code "eq."}: the server routes every such op here. */
    String opPrefix();

    /**
     * Serves one request and returns its result. A failure the runner checks by kind is thrown as a
     * {@link dev.ack.protocol.ProtocolError} (an op of this area that does not exist is a
     * {@code BadRequest}); anything else thrown is reported as {@code Internal}.
     */
    ObjectNode handle(String op, Args args) throws Exception;

    /**
     * Releases what the area keeps outside {@link Handles} (threads, a reactor, named leaves); called
     * at {@code reset}, {@code shutdown} and the end of input, before the handles are released (§3.2).
     */
    default void reset() throws Exception {}
}
