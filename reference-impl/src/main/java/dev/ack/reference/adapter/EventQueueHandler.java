package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Codec;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The {@code eq.*} ops (spec/protocol.md §5), served by the {@link dev.ack.reference.eventqueue} package. */
public final class EventQueueHandler implements AreaHandler {
    /** Tokens the protocol allows: exact integers in every JSON implementation. */
    private static final long MAX_TOKEN = (1L << 53) - 1;
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
        return List.of(Capability.EDGE_TRIGGERED, Capability.ONESHOT);
    }

    @Override
    public String opPrefix() {
        return "eq.";
    }

    @Override
    public ObjectNode handle(String op, Args args) throws Exception {
        try {
            return switch (op) {
                case "eq.poll_new" -> pollNew();
                case "eq.poll_close" -> pollClose(args);
                case "eq.events_new" -> eventsNew(args);
                case "eq.connect" -> connect(args);
                case "eq.write" -> write(args);
                case "eq.read" -> read(args);
                case "eq.source_close" -> sourceClose(args);
                case "eq.register" -> register(args);
                case "eq.reregister" -> reregister(args);
                case "eq.deregister" -> deregister(args);
                case "eq.waker_new" -> wakerNew(args);
                case "eq.wake" -> wake(args);
                case "eq.poll" -> poll(args);
                default -> throw Args.badRequest("unknown op \"" + op + "\"");
            };
        } catch (EventQueueException e) {
            throw ErrorReplies.reply(e);
        }
    }

    private ObjectNode pollNew() throws EventQueueException {
        return result("poll", handles.issue(eventQueue.poll()));
    }

    private ObjectNode pollClose(Args args) throws Exception {
        handles.release(args.handle("poll"), Poll.class);
        return result();
    }

    /** Any int is passed on: rejecting a capacity below 1 is the implementation's job (InvalidArgument). */
    private ObjectNode eventsNew(Args args) throws EventQueueException {
        int capacity = (int) args.integer("capacity", Integer.MIN_VALUE, Integer.MAX_VALUE);
        return result("events", handles.issue(eventQueue.events(capacity)));
    }

    private ObjectNode connect(Args args) throws EventQueueException {
        var address = new InetSocketAddress(args.string("host"), (int) args.integer("port", 0, 65535));
        return result("source", handles.issue(TcpStream.connect(address)));
    }

    private ObjectNode write(Args args) throws EventQueueException {
        return result("written", sourceOf(args).write(args.string("data").getBytes(StandardCharsets.UTF_8)));
    }

    private ObjectNode read(Args args) throws EventQueueException {
        byte[] buffer = new byte[(int) Math.min(args.integer("max", 1, Long.MAX_VALUE), MAX_READ)];
        int count = sourceOf(args).read(buffer);
        // new String replaces invalid UTF-8 (also a character cut in two by the read) with U+FFFD.
        return result().put("data", new String(buffer, 0, count, StandardCharsets.UTF_8)).put("eof", count == 0);
    }

    /** The handle stays known, so that using it shows what the implementation does with a closed fd. */
    private ObjectNode sourceClose(Args args) {
        sourceOf(args).close();
        return result();
    }

    private ObjectNode register(Args args) throws EventQueueException {
        pollOf(args).registry().register(sourceOf(args), token(args), interests(args), mode(args));
        return result();
    }

    private ObjectNode reregister(Args args) throws EventQueueException {
        pollOf(args).registry().reregister(sourceOf(args), token(args), interests(args), mode(args));
        return result();
    }

    private ObjectNode deregister(Args args) throws EventQueueException {
        pollOf(args).registry().deregister(sourceOf(args));
        return result();
    }

    private ObjectNode wakerNew(Args args) throws EventQueueException {
        return result("waker", handles.issue(eventQueue.waker(pollOf(args).registry(), token(args))));
    }

    private ObjectNode wake(Args args) throws EventQueueException {
        wakerOf(args).wake();
        return result();
    }

    /**
     * Polls, while the {@code concurrently} action, if any, runs on its own thread: started before the
     * poll, finished before the reply, and its failure, if any, is the reply (spec §5).
     */
    private ObjectNode poll(Args args) throws Exception {
        Poll poll = pollOf(args);
        Events events = handles.get(args.handle("events"), Events.class);
        Duration timeout = timeout(args);
        Optional<FutureTask<Void>> action = args.object("concurrently")
                .map(concurrently -> concurrently(poll, concurrently));
        action.ifPresent(task -> Thread.ofPlatform().name("eq.poll concurrently").start(task));
        EventQueueException pollFailure = null;
        try {
            poll.poll(events, timeout);
        } catch (EventQueueException e) {
            pollFailure = e;
        }
        if (action.isPresent()) awaitAction(action.get());
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
    private static ObjectNode eventsResult(Events events) {
        ObjectNode result = result();
        ArrayNode list = result.putArray("events");
        for (Event event : events) {
            list.addObject()
                    .put("token", event.token().value())
                    .put("readable", event.isReadable())
                    .put("writable", event.isWritable())
                    .put("read_closed", event.isReadClosed())
                    .put("write_closed", event.isWriteClosed())
                    .put("error", event.isError());
        }
        return result;
    }

    /** The action of {@code concurrently}; its args are read here, so a bad request fails before the poll. */
    private FutureTask<Void> concurrently(Poll poll, Args concurrently) {
        long afterMs = concurrently.integer("after_ms", 0, Long.MAX_VALUE);
        String name = concurrently.string("action");
        Action action = switch (name) {
            case "wake" -> wakerOf(concurrently)::wake;
            case "register" -> {
                TcpStream source = sourceOf(concurrently);
                Token token = token(concurrently);
                Interest interests = interests(concurrently);
                Mode mode = mode(concurrently);
                yield () -> poll.registry().register(source, token, interests, mode);
            }
            default -> throw Args.badRequest("unknown concurrently action \"" + name + "\"");
        };
        return new FutureTask<>(() -> {
            Thread.sleep(afterMs);
            action.run();
            return null;
        });
    }

    /** An event queue call to make on the other thread. */
    private interface Action {
        void run() throws EventQueueException;
    }

    private Poll pollOf(Args args) {
        return handles.get(args.handle("poll"), Poll.class);
    }

    private TcpStream sourceOf(Args args) {
        return handles.get(args.handle("source"), TcpStream.class);
    }

    private Waker wakerOf(Args args) {
        return handles.get(args.handle("waker"), Waker.class);
    }

    private static Token token(Args args) {
        return new Token(args.integer("token", 0, MAX_TOKEN));
    }

    /** An empty list is passed on: rejecting it is the implementation's job (InvalidArgument). */
    private static Interest interests(Args args) {
        List<String> names = args.strings("interests");
        for (String name : names) {
            if (!List.of("readable", "writable").contains(name)) {
                throw Args.badRequest("unknown interest \"" + name + "\"");
            }
        }
        return new Interest(names.contains("readable"), names.contains("writable"));
    }

    private static Mode mode(Args args) {
        String name = args.string("trigger", "level");
        Trigger trigger = switch (name) {
            case "level" -> Trigger.LEVEL;
            case "edge" -> Trigger.EDGE;
            default -> throw Args.badRequest("unknown trigger \"" + name + "\"");
        };
        return new Mode(trigger, args.bool("oneshot", false));
    }

    private static Duration timeout(Args args) {
        var millis = args.integerOrNull("timeout_ms", 0, Long.MAX_VALUE);
        return millis.isPresent() ? Duration.ofMillis(millis.getAsLong()) : null;
    }

    private static ObjectNode result() {
        return Codec.JSON.createObjectNode();
    }

    private static ObjectNode result(String field, long value) {
        return result().put(field, value);
    }
}
