package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Area;
import dev.ack.protocol.Codec;
import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import dev.ack.reference.variants.FibersFactory;
import java.util.List;

/**
 * The {@code fb.*} ops (spec/protocol.md §6), served by the {@link dev.ack.reference.fibers} package.
 * Programs run on the request thread, which is the base context of every runtime made here.
 */
public final class FibersHandler implements AreaHandler {
    private final Handles handles;
    private final FibersFactory fibers;

    /**
     * A handler that makes its runtimes, and the programs' locals, with {@code fibers}.
     *
     * @param handles the session's handles, shared by every area
     * @param fibers the reference's fibers factory, or a known-bad variant's
     */
    public FibersHandler(Handles handles, FibersFactory fibers) {
        this.handles = handles;
        this.fibers = fibers;
    }

    @Override
    public Area area() {
        return Area.FIBERS;
    }

    @Override
    public String opPrefix() {
        return "fb.";
    }

    @Override
    public ObjectNode handle(String op, Args args) {
        try {
            return switch (op) {
                case "fb.runtime_new" -> runtimeNew(args);
                case "fb.run" -> run(args);
                case "fb.call_outside_runtime" -> callOutsideRuntime(args);
                default -> throw Args.badRequest("unknown op \"" + op + "\"");
            };
        } catch (FiberException e) {
            throw ErrorReplies.reply(e);
        }
    }

    /** Any int is passed on: rejecting 0 slots or a 0-byte stack is the implementation's job (InvalidArgument). */
    private ObjectNode runtimeNew(Args args) throws FiberException {
        int slots = (int) args.integer("slots", Integer.MIN_VALUE, Integer.MAX_VALUE, FiberRuntime.DEFAULT_SLOTS);
        long stackSize = args.integer("stack_size", Long.MIN_VALUE, Long.MAX_VALUE, FiberRuntime.DEFAULT_STACK_SIZE);
        FiberRuntime runtime = fibers.runtime(slots, stackSize);
        runtime.init();
        return Codec.JSON.createObjectNode().put("runtime", handles.issue(runtime));
    }

    /** The whole program is read before anything runs; a failing instruction is a trace entry, not an error reply. */
    private ObjectNode run(Args args) {
        FiberRuntime runtime = handles.get(args.handle("runtime"), FiberRuntime.class);
        List<Instruction> program = Instruction.program(args, "program");
        Trace trace = new Trace();
        new Interpreter(runtime, trace, fibers.programLocals()).runOnBase(program);
        ObjectNode result = Codec.JSON.createObjectNode();
        result.set("trace", trace.entries());
        return result;
    }

    /** Calls the operation through the thread's current runtime, as the book's free functions do: after a reset there is none. */
    private ObjectNode callOutsideRuntime(Args args) throws FiberException {
        String call = args.string("call");
        switch (call) {
            case "yield" -> FiberRuntime.current().yieldNow();
            case "spawn" -> FiberRuntime.current().spawn(() -> {});
            default -> throw Args.badRequest("unknown call \"" + call + "\"");
        }
        return Codec.JSON.createObjectNode();
    }
}
