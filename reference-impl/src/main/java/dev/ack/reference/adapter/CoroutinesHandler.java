package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Area;
import dev.ack.protocol.Codec;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.variants.CoroutinesFactory;

/**
 * The {@code co.*} ops (spec/protocol.md §7.1), served by the {@link dev.ack.reference.coroutines}
 * package: the runner creates coroutines and polls them itself, on the request thread, with a waker
 * that wakes nothing (chapter 7 has none).
 */
public final class CoroutinesHandler implements AreaHandler {
    private final Handles handles;
    private final CoroutinesFactory coroutines;
    private final SessionLeaves leaves;
    private final ProgramEnvironment environment;

    /**
     * A handler that makes its coroutines and manual leaves with {@code coroutines}.
     *
     * @param handles the session's handles, shared by every area
     * @param coroutines the reference's coroutines factory, or a known-bad variant's
     */
    public CoroutinesHandler(Handles handles, CoroutinesFactory coroutines) {
        this.handles = handles;
        this.coroutines = coroutines;
        this.leaves = new SessionLeaves(coroutines.leaves());
        this.environment = ProgramEnvironment.polledByRunner(leaves);
    }

    @Override
    public Area area() {
        return Area.COROUTINES;
    }

    @Override
    public String opPrefix() {
        return "co.";
    }

    @Override
    public ObjectNode handle(String op, Args args) {
        try {
            return switch (op) {
                case "co.create" -> create(args);
                case "co.poll" -> poll(args);
                case "co.leaf_ready" -> leafReady(args);
                default -> throw Args.badRequest("unknown op \"" + op + "\"");
            };
        } catch (RuntimeException e) {
            throw ErrorReplies.reply(e);
        }
    }

    /** Forgets the leaves and closes the requests' connections; the coroutines are handles, released with them. */
    @Override
    public void reset() {
        leaves.clear();
        environment.takeTrace();
    }

    private ObjectNode create(Args args) {
        StateMachine coroutine = coroutines.coroutine(ProgramReader.program(args, "program"), environment);
        return Codec.JSON.createObjectNode().put("coroutine", handles.issue(coroutine));
    }

    /** One poll; the trace has what happened since the previous request. A failed poll's entries are dropped with it. */
    private ObjectNode poll(Args args) {
        StateMachine coroutine = handles.get(args.handle("coroutine"), StateMachine.class);
        PollState<String> state;
        ArrayNode trace;
        try {
            state = coroutine.poll(Waker.noop());
        } finally {
            trace = environment.takeTrace();
        }
        ObjectNode result = Codec.JSON.createObjectNode();
        if (state instanceof PollState.Ready<String>(String value)) {
            result.put("ready", true).put("value", value);
        } else {
            result.put("ready", false);
        }
        result.set("trace", trace);
        return result;
    }

    private ObjectNode leafReady(Args args) {
        leaves.makeReady(args.string("name"), args.string("value"));
        return Codec.JSON.createObjectNode();
    }
}
