package dev.ack.benchmarks;

import dev.ack.reference.eventqueue.Event;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Interest;
import dev.ack.reference.eventqueue.Mode;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.TcpStream;
import dev.ack.reference.eventqueue.Token;
import java.net.InetSocketAddress;

/** The ping-pong client on the reference event queue: one poll, level-triggered reads, the token is the connection's index. */
final class ReferencePingPong implements PingPongClient {
    private final Poll poll = new Poll();
    private final Events events = Events.withCapacity(1024);
    private final TcpStream[] streams;
    private final int[] received;
    private final byte[] message = new byte[MESSAGE_BYTES];
    private final byte[] buffer = new byte[MESSAGE_BYTES];
    private long credit;

    ReferencePingPong(InetSocketAddress server, int connections) throws EventQueueException {
        streams = new TcpStream[connections];
        received = new int[connections];
        for (int i = 0; i < connections; i++) {
            streams[i] = TcpStream.connect(server);
            poll.registry().register(streams[i], new Token(i), Interest.READABLE, Mode.LEVEL);
        }
        for (TcpStream stream : streams) stream.write(message);
    }

    @Override
    public void roundTrips(int count) throws EventQueueException {
        while (credit < count) {
            poll.poll(events, null);
            for (Event event : events) {
                int connection = (int) event.token().value();
                received[connection] += streams[connection].read(buffer);
                if (received[connection] == MESSAGE_BYTES) {
                    received[connection] = 0;
                    streams[connection].write(message);
                    credit++;
                }
            }
        }
        credit -= count;
    }

    @Override
    public void close() {
        for (TcpStream stream : streams) stream.close();
        poll.close();
    }
}
