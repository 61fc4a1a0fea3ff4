package dev.ack.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** The ping-pong client on java.nio: one Selector, non-blocking channels, the key's attachment is the connection's index. */
final class SelectorPingPong implements PingPongClient {
    private final Selector selector = Selector.open();
    private final SocketChannel[] channels;
    private final int[] received;
    private final ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_BYTES);
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MESSAGE_BYTES);
    private long credit;

    SelectorPingPong(InetSocketAddress server, int connections) throws IOException {
        channels = new SocketChannel[connections];
        received = new int[connections];
        for (int i = 0; i < connections; i++) {
            channels[i] = SocketChannel.open(server);
            channels[i].configureBlocking(false);
            channels[i].register(selector, SelectionKey.OP_READ, i);
        }
        for (SocketChannel channel : channels) send(channel);
    }

    @Override
    public void roundTrips(int count) throws IOException {
        while (credit < count) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                int connection = (Integer) key.attachment();
                buffer.clear();
                received[connection] += channels[connection].read(buffer);
                if (received[connection] == MESSAGE_BYTES) {
                    received[connection] = 0;
                    send(channels[connection]);
                    credit++;
                }
            }
            selector.selectedKeys().clear();
        }
        credit -= count;
    }

    private void send(SocketChannel channel) throws IOException {
        message.clear();
        channel.write(message);
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : channels) channel.close();
        selector.close();
    }
}
