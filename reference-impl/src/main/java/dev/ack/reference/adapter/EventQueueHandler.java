package dev.ack.reference.adapter;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Empty;
import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.Concurrently;
import dev.ack.protocol.eventqueue.EventQueueOps.ConnectArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.ConnectResult;
import dev.ack.protocol.eventqueue.EventQueueOps.DeregisterArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.EventsNewArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.EventsNewResult;
import dev.ack.protocol.eventqueue.EventQueueOps.PollArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.PollCloseArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.PollNewResult;
import dev.ack.protocol.eventqueue.EventQueueOps.PollResult;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadResult;
import dev.ack.protocol.eventqueue.EventQueueOps.RegisterArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.SourceCloseArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WakeArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WakerNewArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WakerNewResult;
import dev.ack.protocol.eventqueue.EventQueueOps.WriteArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.WriteResult;
import dev.ack.reference.eventqueue.Event;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Interest;
import dev.ack.reference.eventqueue.Mode;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.TcpStream;
import dev.ack.reference.eventqueue.Token;
import dev.ack.reference.eventqueue.Trigger;
import dev.ack.reference.eventqueue.Waker;
import dev.ack.reference.variants.EventQueueFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The {@code eq.*} ops (spec/protocol.md §5), served by the {@link dev.ack.reference.eventqueue} package. */
public final class EventQueueHandler implements AreaHandler {
    /** A read may return fewer bytes than asked for, so a huge {@code max} need not allocate a huge buffer. */
    private static final int MAX_READ = 1 << 16;

    private final Handles handles;
    private final EventQueueFactory eventQueue;

    /**
     * A handler that makes its polls, events collections and wakers with {@code eventQueue}.
     *
     * @param handles the session's handles, shared by every area
     * @param eventQueue the reference's event queue factory, or a known-bad variant's
     */
    public EventQueueHandler(Handles handles, EventQueueFactory eventQueue) {
        this.handles = handles;
        this.eventQueue = eventQueue;
    }

    @Override
    public Area area() {
        return Area.EVENT_QUEUE;
    }

    /** Every variant claims the same, even where its defect breaks the claim: the suite must notice. */
    @Override
    public List<String> capabilities() {
        return List.of(Capability.EDGE_TRIGGERED, Capability.ONESHOT, Capability.REREGISTER, Capability.DEREGISTER,
                Capability.EVENT_QUEUE_WAKER, Capability.CROSS_THREAD_REGISTRY, Capability.ARGUMENT_CHECKS,
                Capability.EVENT_FLAGS);
    }

    @Override
    public List<Route<?, ?>> routes() {
        return List.of(
                Route.of(EventQueueOps.POLL_NEW, this::pollNew),
                Route.of(EventQueueOps.POLL_CLOSE, this::pollClose),
                Route.of(EventQueueOps.EVENTS_NEW, this::eventsNew),
                Route.of(EventQueueOps.CONNECT, this::connect),
                Route.of(EventQueueOps.WRITE, this::write),
                Route.of(EventQueueOps.READ, this::read),
                Route.of(EventQueueOps.SOURCE_CLOSE, this::sourceClose),
                Route.of(EventQueueOps.REGISTER, this::register),
                Route.of(EventQueueOps.REREGISTER, this::reregister),
                Route.of(EventQueueOps.DEREGISTER, this::deregister),
                Route.of(EventQueueOps.WAKER_NEW, this::wakerNew),
                Route.of(EventQueueOps.WAKE, this::wake),
                Route.of(EventQueueOps.POLL, this::poll));
    }

    private PollNewResult pollNew(Empty args) throws EventQueueException {
        return new PollNewResult(handles.issue(eventQueue.poll()));
    }

    private Empty pollClose(PollCloseArgs args) throws Exception {
        handles.release(args.poll(), Poll.class);
        return Empty.VALUE;
    }

    /** Any int is passed on: rejecting a capacity below 1 is the implementation's job (InvalidArgument). */
    private EventsNewResult eventsNew(EventsNewArgs args) throws EventQueueException {
        return new EventsNewResult(handles.issue(eventQueue.events(args.capacity())));
    }

    private ConnectResult connect(ConnectArgs args) throws EventQueueException {
        return new ConnectResult(handles.issue(TcpStream.connect(new InetSocketAddress(args.host(), args.port()))));
    }

    private WriteResult write(WriteArgs args) throws EventQueueException {
        return new WriteResult(source(args.source()).write(args.data().getBytes(StandardCharsets.UTF_8)));
    }

    private ReadResult read(ReadArgs args) throws EventQueueException {
        byte[] buffer = new byte[(int) Math.min(args.max(), MAX_READ)];
        int count = source(args.source()).read(buffer);
        // new String replaces invalid UTF-8 (also a character cut in two by the read) with U+FFFD.
        return new ReadResult(new String(buffer, 0, count, StandardCharsets.UTF_8), count == 0);
    }

    /** The handle stays known, so that using it shows what the implementation does with a closed fd. */
    private Empty sourceClose(SourceCloseArgs args) {
        source(args.source()).close();
        return Empty.VALUE;
    }

    private Empty register(RegisterArgs args) throws EventQueueException {
        poll(args.poll()).registry().register(source(args.source()), new Token(args.token()), interest(args.interests()),
                mode(args.trigger(), args.oneshot()));
        return Empty.VALUE;
    }

    private Empty reregister(RegisterArgs args) throws EventQueueException {
        poll(args.poll()).registry().reregister(source(args.source()), new Token(args.token()), interest(args.interests()),
                mode(args.trigger(), args.oneshot()));
        return Empty.VALUE;
    }

    private Empty deregister(DeregisterArgs args) throws EventQueueException {
        poll(args.poll()).registry().deregister(source(args.source()));
        return Empty.VALUE;
    }

    private WakerNewResult wakerNew(WakerNewArgs args) throws EventQueueException {
        return new WakerNewResult(handles.issue(eventQueue.waker(poll(args.poll()).registry(), new Token(args.token()))));
    }

    private Empty wake(WakeArgs args) throws EventQueueException {
        waker(args.waker()).wake();
        return Empty.VALUE;
    }

    /**
     * Polls, while the {@code concurrently} action, if any, runs on its own thread: started before the
     * poll, finished before the reply, and its failure, if any, is the reply (spec §5).
     */
    private PollResult poll(PollArgs args) throws Exception {
        Poll poll = poll(args.poll());
        Events events = handles.get(args.events(), Events.class);
        Duration timeout = args.timeoutMs() == null ? null : Duration.ofMillis(args.timeoutMs());
        FutureTask<Void> action = args.concurrently() == null ? null : concurrently(poll, args.concurrently());
        if (action != null) Thread.ofPlatform().name("eq.poll concurrently").start(action);
        EventQueueException pollFailure = null;
        try {
            poll.poll(events, timeout);
        } catch (EventQueueException e) {
            pollFailure = e;
        }
        if (action != null) awaitAction(action);
        if (pollFailure != null) throw pollFailure;
        return eventsResult(events);
    }

    private static void awaitAction(FutureTask<Void> action) throws Exception {
        try {
            action.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) throw failure;
            throw e;
        }
    }

    /** The collection's contents, in the order it holds them. */
    private static PollResult eventsResult(Events events) {
        List<EventQueueOps.Event> list = new ArrayList<>();
        for (Event event : events) {
            list.add(new EventQueueOps.Event(event.token().value(), event.isReadable(), event.isWritable(),
                    event.isReadClosed(), event.isWriteClosed(), event.isError()));
        }
        return new PollResult(list);
    }

    /** The action of {@code concurrently}; its handles are looked up here, so a bad request fails before the poll. */
    private FutureTask<Void> concurrently(Poll poll, Concurrently concurrently) {
        Action action = switch (concurrently.action()) {
            case WAKE -> waker(concurrently.waker())::wake;
            case REGISTER -> {
                TcpStream source = source(concurrently.source());
                Token token = new Token(concurrently.token());
                Interest interests = interest(concurrently.interests());
                Mode mode = mode(concurrently.trigger(), concurrently.oneshot());
                yield () -> poll.registry().register(source, token, interests, mode);
            }
        };
        return new FutureTask<>(() -> {
            Thread.sleep(concurrently.afterMs());
            action.run();
            return null;
        });
    }

    /** An event queue call to make on the other thread. */
    private interface Action {
        void run() throws EventQueueException;
    }

    private Poll poll(long handle) {
        return handles.get(handle, Poll.class);
    }

    private TcpStream source(long handle) {
        return handles.get(handle, TcpStream.class);
    }

    private Waker waker(long handle) {
        return handles.get(handle, Waker.class);
    }

    /** An empty list is passed on: rejecting it is the implementation's job (InvalidArgument). */
    private static Interest interest(List<EventQueueOps.Interest> interests) {
        return new Interest(interests.contains(EventQueueOps.Interest.READABLE), interests.contains(EventQueueOps.Interest.WRITABLE));
    }

    /** Absent (or null) trigger and oneshot mean level-triggered and not oneshot (§4, §5). */
    private static Mode mode(EventQueueOps.Trigger trigger, Boolean oneshot) {
        return new Mode(trigger == EventQueueOps.Trigger.EDGE ? Trigger.EDGE : Trigger.LEVEL, Boolean.TRUE.equals(oneshot));
    }
}
