package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.ProtocolSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every op of every handler, by wire name, and the one way a request reaches its function: its args
 * are checked against the op's definition in the schema (a mismatch is {@code BadRequest} with the
 * schema's words), bound to the op's record and served; the result record is the server's to write. The
 * implementation's failures become error replies through {@link FailureKinds}.
 */
final class OpDispatch {
    /** Compiled at start-up, before the handshake, so that no request pays for its op's definition: timing rules measure requests. */
    private final ProtocolSchema schema = ProtocolSchema.bundled().prepare();
    private final Map<String, Route<?, ?>> routes = new LinkedHashMap<>();

    /**
     * The session's routes and every handler's. An op served twice, or by a handler of another area, is a
     * mistake of the adapter: it stops at start-up.
     */
    OpDispatch(List<Route<?, ?>> session, List<AreaHandler> handlers) {
        session.forEach(this::add);
        for (AreaHandler handler : handlers) {
            for (Route<?, ?> route : handler.routes()) {
                if (route.op().area().filter(handler.area()::equals).isEmpty()) {
                    throw new IllegalStateException(handler.getClass().getSimpleName() + " serves " + route.op()
                            + ", which is not an op of " + handler.area().wireName());
                }
                add(route);
            }
        }
    }

    private void add(Route<?, ?> route) {
        if (routes.putIfAbsent(route.op().name(), route) != null) throw new IllegalStateException(route.op() + " is served twice");
    }

    /**
     * The result record of {@code op}; an error reply is thrown as a {@link ProtocolError}, anything
     * unexpected as itself.
     */
    Object serve(String op, ObjectNode args) throws Exception {
        Route<?, ?> route = routes.get(op);
        if (route == null) throw new ProtocolError(ErrorKind.BadRequest, "unknown op \"" + op + "\"");
        List<String> problems = schema.argsProblems(op, args);
        if (!problems.isEmpty()) throw new ProtocolError(ErrorKind.BadRequest, String.join("; ", problems));
        Object bound = bind(args, route.op().args());
        try {
            return route.serve(bound);
        } catch (ProtocolError e) {
            throw e;
        } catch (Exception e) {
            ProtocolError reply = FailureKinds.reply(e);
            throw reply != null ? reply : e;
        }
    }

    /** The args as their record; {@link Empty} takes no binding, whatever the object holds (§9: unknown args are ignored). */
    private static Object bind(ObjectNode args, Class<?> type) throws ProtocolError {
        if (type == Empty.class) return Empty.VALUE;
        try {
            return Codec.fromJson(args, type);
        } catch (IllegalArgumentException e) {
            throw new ProtocolError(ErrorKind.BadRequest, e.getMessage());
        }
    }
}
