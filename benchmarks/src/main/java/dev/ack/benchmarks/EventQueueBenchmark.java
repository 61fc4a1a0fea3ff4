package dev.ack.benchmarks;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Interest;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.TcpStream;
import dev.ack.reference.eventqueue.Token;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The event queue against java.nio's Selector and Netty's native epoll transport: loopback ping-pong
 * round trips per second with 1, 100 and 1,000 connections, each with one 64-byte message in flight,
 * all facing the same {@link EchoServer}; and what one poll costs when nothing is ready.
 */
@Fork(jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-exports", JvmFlags.ADD_EXPORTS})
public class EventQueueBenchmark {
    /** Round trips per call: enough that Netty's hand-over to the benchmark thread is a small part. */
    private static final int ROUND_TRIPS = 2_000;

    /** An echo server and one client on it, for the whole trial. */
    @State(Scope.Thread)
    public static class Loopback {
        @Param({"1", "100", "1000"})
        int connections;

        @Param({"reference", "selector", "netty"})
        String client;

        private EchoServer server;
        private PingPongClient pingPong;

        @Setup
        public void connect() throws Exception {
            server = EchoServer.start();
            pingPong = switch (client) {
                case "reference" -> new ReferencePingPong(server.address(), connections);
                case "selector" -> new SelectorPingPong(server.address(), connections);
                case "netty" -> new NettyPingPong(server.address(), connections);
                default -> throw new IllegalArgumentException("no such client: " + client);
            };
        }

        @TearDown
        public void disconnect() throws Exception {
            pingPong.close();
            server.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pingPong(Loopback loopback) throws Exception {
        loopback.pingPong.roundTrips(ROUND_TRIPS);
    }

    /** A connection that never becomes readable, registered with a reference poll and a Selector. */
    @State(Scope.Thread)
    public static class Idle {
        private EchoServer server;
        private TcpStream stream;
        private Poll poll;
        private Events events;
        private SocketChannel channel;
        private Selector selector;

        @Setup
        public void register() throws IOException, EventQueueException {
            server = EchoServer.start();
            stream = TcpStream.connect(server.address());
            poll = new Poll();
            poll.registry().register(stream, new Token(1), Interest.READABLE, dev.ack.reference.eventqueue.Mode.LEVEL);
            events = Events.withCapacity(1024);
            channel = SocketChannel.open(server.address());
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        }

        @TearDown
        public void close() throws Exception {
            poll.close();
            stream.close();
            selector.close();
            channel.close();
            server.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Events pollNothingReady(Idle idle) throws EventQueueException {
        idle.poll.poll(idle.events, Duration.ZERO);
        return idle.events;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int selectNowNothingReady(Idle idle) throws IOException {
        return idle.selector.selectNow();
    }
}
