package dev.ack.protocol.eventqueue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ack.protocol.Area;
import dev.ack.protocol.Empty;
import dev.ack.protocol.Op;
import java.util.List;

/**
 * The ops of area {@code event-queue} (spec/protocol.md §5), with the records of their args and
 * results. Handles are positive integers the adapter issued; tokens are integers in
 * {@code 0 ..= 2^53 - 1}.
 */
public final class EventQueueOps {
    /** Creates a poll instance. */
    public static final Op<Empty, PollNewResult> POLL_NEW = op("poll_new", Empty.class, PollNewResult.class);
    /** Releases a poll instance and every OS handle it owns, its wakers too. */
    public static final Op<PollCloseArgs, Empty> POLL_CLOSE = op("poll_close", PollCloseArgs.class, Empty.class);
    /** Creates an events collection of a capacity. */
    public static final Op<EventsNewArgs, EventsNewResult> EVENTS_NEW = op("events_new", EventsNewArgs.class, EventsNewResult.class);
    /** Connects a TCP stream to a peer the runner hosts, then makes it non-blocking. */
    public static final Op<ConnectArgs, ConnectResult> CONNECT = op("connect", ConnectArgs.class, ConnectResult.class);
    /** Writes once. */
    public static final Op<WriteArgs, WriteResult> WRITE = op("write", WriteArgs.class, WriteResult.class);
    /** Reads once. */
    public static final Op<ReadArgs, ReadResult> READ = op("read", ReadArgs.class, ReadResult.class);
    /** Closes a stream; its handle stays known. */
    public static final Op<SourceCloseArgs, Empty> SOURCE_CLOSE = op("source_close", SourceCloseArgs.class, Empty.class);
    /** Registers a source with a poll instance's registry. */
    public static final Op<RegisterArgs, Empty> REGISTER = op("register", RegisterArgs.class, Empty.class);
    /** Changes token, interests and mode of a registered source (and re-arms a oneshot one). */
    public static final Op<RegisterArgs, Empty> REREGISTER = op("reregister", RegisterArgs.class, Empty.class);
    /** Deregisters a source. */
    public static final Op<DeregisterArgs, Empty> DEREGISTER = op("deregister", DeregisterArgs.class, Empty.class);
    /** Creates a waker bound to a poll instance. */
    public static final Op<WakerNewArgs, WakerNewResult> WAKER_NEW = op("waker_new", WakerNewArgs.class, WakerNewResult.class);
    /** Wakes a waker from the adapter's request thread. */
    public static final Op<WakeArgs, Empty> WAKE = op("wake", WakeArgs.class, Empty.class);
    /** Polls into an events collection, optionally while another thread acts. */
    public static final Op<PollArgs, PollResult> POLL = op("poll", PollArgs.class, PollResult.class);

    /** Every op of the area. */
    public static final List<Op<?, ?>> ALL = List.of(POLL_NEW, POLL_CLOSE, EVENTS_NEW, CONNECT, WRITE, READ, SOURCE_CLOSE,
            REGISTER, REREGISTER, DEREGISTER, WAKER_NEW, WAKE, POLL);

    private EventQueueOps() {}

    private static <A, R> Op<A, R> op(String suffix, Class<A> args, Class<R> result) {
        return Op.of(Area.EVENT_QUEUE, suffix, args, result);
    }

    /** What a registration asks to be told about. */
    public enum Interest {
        /** Data to read, or the peer's end of stream. */
        @JsonProperty("readable") READABLE,
        /** Room to write. */
        @JsonProperty("writable") WRITABLE
    }

    /** When a ready source is reported. */
    public enum Trigger {
        /** At every poll while it is ready (the default). */
        @JsonProperty("level") LEVEL,
        /** Once for each change to ready; needs capability {@code edge-triggered}. */
        @JsonProperty("edge") EDGE
    }

    /** What the other thread of a poll's {@code concurrently} does. */
    public enum Action {
        /** Wakes a waker. */
        @JsonProperty("wake") WAKE,
        /** Registers a source through the same poll instance's registry. */
        @JsonProperty("register") REGISTER
    }

    /**
     * The result of {@code eq.poll_new}.
     *
     * @param poll the new poll instance
     */
    public record PollNewResult(long poll) {}

    /**
     * The args of {@code eq.poll_close}.
     *
     * @param poll the poll instance to close
     */
    public record PollCloseArgs(long poll) {}

    /**
     * The args of {@code eq.events_new}.
     *
     * @param capacity how many events the collection holds at most; below 1 the implementation rejects it
     */
    public record EventsNewArgs(int capacity) {}

    /**
     * The result of {@code eq.events_new}.
     *
     * @param events the new events collection
     */
    public record EventsNewResult(long events) {}

    /**
     * The args of {@code eq.connect}.
     *
     * @param host the peer's address, on loopback
     * @param port the peer's port
     */
    public record ConnectArgs(String host, int port) {}

    /**
     * The result of {@code eq.connect}.
     *
     * @param source the connected, non-blocking stream
     */
    public record ConnectResult(long source) {}

    /**
     * The args of {@code eq.write}.
     *
     * @param source the stream
     * @param data   text whose UTF-8 bytes are written once
     */
    public record WriteArgs(long source, String data) {}

    /**
     * The result of {@code eq.write}.
     *
     * @param written how many bytes the one write wrote
     */
    public record WriteResult(long written) {}

    /**
     * The args of {@code eq.read}.
     *
     * @param source the stream
     * @param max    the most bytes the one read may return
     */
    public record ReadArgs(long source, long max) {}

    /**
     * The result of {@code eq.read}.
     *
     * @param data the bytes read, decoded as UTF-8
     * @param eof  whether the read returned 0: end of stream
     */
    public record ReadResult(String data, boolean eof) {}

    /**
     * The args of {@code eq.source_close}.
     *
     * @param source the stream to close
     */
    public record SourceCloseArgs(long source) {}

    /**
     * The args of {@code eq.register} and {@code eq.reregister}.
     *
     * @param poll      the poll instance
     * @param source    the stream
     * @param token     what the events of this source carry
     * @param interests what to be told about; empty is for the implementation to reject
     * @param trigger   the trigger mode; absent means level
     * @param oneshot   whether the source is reported once until re-armed; absent means false
     */
    public record RegisterArgs(long poll, long source, long token, List<Interest> interests,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Trigger trigger,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean oneshot) {}

    /**
     * The args of {@code eq.deregister}.
     *
     * @param poll   the poll instance
     * @param source the stream
     */
    public record DeregisterArgs(long poll, long source) {}

    /**
     * The args of {@code eq.waker_new}.
     *
     * @param poll  the poll instance the waker wakes
     * @param token what the wake's event carries
     */
    public record WakerNewArgs(long poll, long token) {}

    /**
     * The result of {@code eq.waker_new}.
     *
     * @param waker the new waker
     */
    public record WakerNewResult(long waker) {}

    /**
     * The args of {@code eq.wake}.
     *
     * @param waker the waker to wake
     */
    public record WakeArgs(long waker) {}

    /**
     * The args of {@code eq.poll}.
     *
     * @param poll         the poll instance
     * @param events       the events collection to poll into
     * @param timeoutMs    milliseconds to wait at most, 0 for none; null (sent, it is required) for no timeout
     * @param concurrently an action for another thread while this one blocks, or none
     */
    public record PollArgs(long poll, long events, Long timeoutMs,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Concurrently concurrently) {}

    /**
     * An action another thread takes while {@code eq.poll} blocks: it sleeps {@code afterMs}, then acts.
     *
     * @param afterMs   how long the other thread sleeps first
     * @param action    what it does
     * @param waker     the waker to wake ({@link Action#WAKE})
     * @param source    the stream to register ({@link Action#REGISTER})
     * @param token     the registration's token ({@link Action#REGISTER})
     * @param interests the registration's interests ({@link Action#REGISTER})
     * @param trigger   the registration's trigger mode, absent for level
     * @param oneshot   whether the registration is oneshot, absent for false
     */
    public record Concurrently(long afterMs, Action action,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long waker,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long source,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long token,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<Interest> interests,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Trigger trigger,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean oneshot) {

        /**
         * Wakes {@code waker} after {@code afterMs}.
         *
         * @param afterMs how long the other thread sleeps first
         * @param waker   the waker
         * @return the action
         */
        public static Concurrently wake(long afterMs, long waker) {
            return new Concurrently(afterMs, Action.WAKE, waker, null, null, null, null, null);
        }

        /**
         * Registers {@code source}, level-triggered, after {@code afterMs}.
         *
         * @param afterMs   how long the other thread sleeps first
         * @param source    the stream
         * @param token     the registration's token
         * @param interests the registration's interests
         * @return the action
         */
        public static Concurrently register(long afterMs, long source, long token, List<Interest> interests) {
            return new Concurrently(afterMs, Action.REGISTER, null, source, token, interests, null, null);
        }
    }

    /**
     * The result of {@code eq.poll}: the collection's contents after the call, in its order.
     *
     * @param events the events
     */
    public record PollResult(List<Event> events) {}

    /**
     * One event of a poll.
     *
     * @param token       the token of the source or waker
     * @param readable    readable
     * @param writable    writable
     * @param readClosed  the read half is closed; absent means false
     * @param writeClosed the write half is closed; absent means false
     * @param error       an error is pending; absent means false
     */
    public record Event(long token, boolean readable, boolean writable,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean readClosed,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean writeClosed,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean error) {}
}
