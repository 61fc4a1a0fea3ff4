package dev.ack.reference.adapter;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.pinning.PinningOps;
import dev.ack.protocol.pinning.PinningOps.Executor;
import dev.ack.protocol.pinning.PinningOps.LiveResult;
import dev.ack.protocol.pinning.PinningOps.MoveResult;
import dev.ack.protocol.pinning.PinningOps.NewArgs;
import dev.ack.protocol.pinning.PinningOps.ReadResult;
import dev.ack.protocol.pinning.PinningOps.ReplaceFieldArgs;
import dev.ack.protocol.pinning.PinningOps.RunArgs;
import dev.ack.protocol.pinning.PinningOps.RunResult;
import dev.ack.protocol.pinning.PinningOps.SwapArgs;
import dev.ack.protocol.pinning.PinningOps.ValueArgs;
import dev.ack.protocol.pinning.PinningOps.WriteThroughArgs;
import dev.ack.reference.pinning.BufferCoroutine;
import dev.ack.reference.pinning.ExecutorRun;
import dev.ack.reference.pinning.NativeCoroutine;
import dev.ack.reference.pinning.NativeHeap;
import dev.ack.reference.pinning.Pin;
import dev.ack.reference.pinning.RootCoroutine;
import dev.ack.reference.pinning.ScopedPin;
import dev.ack.reference.pinning.SelfRefValue;
import dev.ack.reference.variants.PinningFactory;
import java.util.List;

/**
 * The {@code pn.*} ops (spec/pinning.md, "Protocol"), served by the {@link dev.ack.reference.pinning}
 * package: values in native memory behind handles, pinned as the request says, and the buffer
 * coroutine run to its end by a new executor on the request thread.
 */
public final class PinningHandler implements AreaHandler {
    private final Handles handles;
    private final PinningFactory pinning;
    private final NativeHeap heap = new NativeHeap();

    /**
     * A handler that makes its values and executors with {@code pinning}.
     *
     * @param handles the session's handles, shared by every area
     * @param pinning the reference's pinning factory, or a known-bad variant's
     */
    public PinningHandler(Handles handles, PinningFactory pinning) {
        this.handles = handles;
        this.pinning = pinning;
    }

    @Override
    public Area area() {
        return Area.PINNING;
    }

    @Override
    public List<String> capabilities() {
        return List.of(Capability.SCOPED_PINNING);
    }

    @Override
    public List<Route<?, ?>> routes() {
        return List.of(
                Route.of(PinningOps.NEW, this::create),
                Route.of(PinningOps.INIT, this::init),
                Route.of(PinningOps.READ, this::read),
                Route.of(PinningOps.WRITE_THROUGH, this::writeThrough),
                Route.of(PinningOps.MOVE, this::move),
                Route.of(PinningOps.MOVE_UNCHECKED, this::moveUnchecked),
                Route.of(PinningOps.SWAP, this::swap),
                Route.of(PinningOps.REPLACE_FIELD, this::replaceField),
                Route.of(PinningOps.SCOPE_END, this::scopeEnd),
                Route.of(PinningOps.DROP, this::drop),
                Route.of(PinningOps.LIVE, this::live),
                Route.of(PinningOps.RUN, this::run));
    }

    private ValueArgs create(NewArgs args) {
        SelfRefValue value = pinning.value(heap, Boolean.TRUE.equals(args.movable()));
        Pin<SelfRefValue> pin = switch (args.pinning()) {
            case HEAP -> Pin.boxed(value);
            case SCOPE -> Pin.scoped(value);
            case NONE -> null;
        };
        return new ValueArgs(handles.issue(new HeldValue(value, pin)));
    }

    private Empty init(ValueArgs args) {
        held(args.value()).value.init();
        return Empty.VALUE;
    }

    private ReadResult read(ValueArgs args) {
        SelfRefValue value = held(args.value()).value;
        long b = value.b();
        return new ReadResult(value.address(), value.a(), value.aAddress(), b == 0 ? null : b,
                b == 0 ? null : NativeHeap.read(target(value)), value.label());
    }

    /** Where {@code b} points, if the area still holds that memory (protocol.md §10): freed memory is never read or written. */
    private long target(SelfRefValue value) {
        if (!heap.holds(value.b(), Long.BYTES)) {
            throw new ProtocolError(ErrorKind.InvalidArgument, "b points at 0x" + Long.toHexString(value.b()) + ", which was freed");
        }
        return value.b();
    }

    private Empty writeThrough(WriteThroughArgs args) {
        SelfRefValue value = held(args.value()).value;
        if (value.b() == 0) throw new ProtocolError(ErrorKind.InvalidArgument, "b is null: the value was not initialised");
        target(value);
        value.writeThroughB(args.number());
        return Empty.VALUE;
    }

    private MoveResult move(ValueArgs args) {
        return new MoveResult(held(args.value()).value.move());
    }

    private MoveResult moveUnchecked(ValueArgs args) {
        HeldValue held = held(args.value());
        return new MoveResult(held.pin == null ? held.value.move() : held.pin.unsafeMoveUnchecked());
    }

    private Empty swap(SwapArgs args) {
        held(args.value()).value.swapWith(held(args.other()).value);
        return Empty.VALUE;
    }

    private Empty replaceField(ReplaceFieldArgs args) {
        SelfRefValue value = held(args.value()).value;
        switch (args.field()) {
            case LABEL -> value.setLabel(args.number());
            case INNER -> value.replaceInner(args.number());
        }
        return Empty.VALUE;
    }

    private Empty scopeEnd(ValueArgs args) {
        HeldValue held = held(args.value());
        if (!(held.pin instanceof ScopedPin<SelfRefValue> scoped)) {
            throw new ProtocolError(ErrorKind.InvalidArgument, "value " + args.value() + " is not pinned in a scope");
        }
        scoped.close();
        held.pin = null;
        return Empty.VALUE;
    }

    private Empty drop(ValueArgs args) throws Exception {
        handles.release(args.value(), HeldValue.class);
        return Empty.VALUE;
    }

    private LiveResult live(Empty args) {
        return new LiveResult(heap.liveBlocks());
    }

    private RunResult run(RunArgs args) {
        boolean movable = Boolean.TRUE.equals(args.movable());
        BufferCoroutine buffer = pinning.bufferCoroutine(heap, args.responses().get(0), args.responses().get(1), movable);
        NativeCoroutine root = Boolean.TRUE.equals(args.inChild()) ? new RootCoroutine(heap, buffer) : buffer;
        ExecutorRun run = pinning.executor(args.executor() == Executor.SHORTCUT).blockOn(root);
        return new RunResult(run.value(), buffer.polls(), root.polls(), run.shortcutApplied(), run.requeued());
    }

    private HeldValue held(long handle) {
        return handles.get(handle, HeldValue.class);
    }
}
