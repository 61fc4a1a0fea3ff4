package dev.ack.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The ping-pong client on Netty's native epoll transport, as a Netty user writes it: one event loop
 * thread runs every connection's handler. The event loop is Netty's own thread, so the benchmark
 * thread only waits for the count: ask for many round trips per call, or the hand-over between the
 * two threads is what gets measured.
 */
final class NettyPingPong implements PingPongClient {
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final List<Channel> channels = new ArrayList<>();
    /** Written by the event loop thread only. */
    private volatile long completed;
    private volatile long target;
    private volatile Thread waiter;

    NettyPingPong(InetSocketAddress server, int connections) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(EpollSocketChannel.class).handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new Echoed());
            }
        });
        for (int i = 0; i < connections; i++) channels.add(bootstrap.connect(server).sync().channel());
        for (Channel channel : channels) send(channel);
    }

    @Override
    public void roundTrips(int count) {
        waiter = Thread.currentThread();
        long until = target + count;
        target = until;
        while (completed < until) LockSupport.park(this);
    }

    private static void send(Channel channel) {
        channel.writeAndFlush(channel.alloc().directBuffer(MESSAGE_BYTES).writeZero(MESSAGE_BYTES));
    }

    /** One per connection: counts the echo's bytes, and sends the next message when it is whole. */
    private final class Echoed extends ChannelInboundHandlerAdapter {
        private int received;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            received += bytes.readableBytes();
            bytes.release();
            if (received < MESSAGE_BYTES) return;
            received = 0;
            send(context.channel());
            long done = completed + 1;
            completed = done;
            if (done >= target) LockSupport.unpark(waiter);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Channel channel : channels) channel.close().sync();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }
}
