package dev.ack.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The far end of every ping-pong benchmark: a loopback server on one thread of its own that sends back
 * whatever it reads. The same server faces every client, so the clients' event loops are what differ.
 * Written with java.nio's Selector because it is the JDK's own; it costs every client the same.
 */
final class EchoServer implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closing;

    private EchoServer() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        listener.configureBlocking(false);
        selector = Selector.open();
        listener.register(selector, SelectionKey.OP_ACCEPT);
        thread = Thread.ofPlatform().daemon().name("echo-server").start(this::serve);
    }

    /** A server listening on loopback, serving on its own thread until closed. */
    static EchoServer start() throws IOException {
        return new EchoServer();
    }

    /** Where the clients connect: loopback and the server's port. */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(PingPongClient.MESSAGE_BYTES * 16);
        try (selector) {
            while (!closing) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) accept();
                    else if (key.isReadable()) echo((SocketChannel) key.channel(), buffer, key);
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) key.channel().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() throws IOException {
        SocketChannel connection;
        while ((connection = listener.accept()) != null) {
            connection.configureBlocking(false);
            connection.register(selector, SelectionKey.OP_READ);
        }
    }

    /**
     * Sends back what came; a 64-byte write to loopback is taken whole, but a short one is finished.
     * A client that closes with an echo unread resets the connection: that ends it, not the server.
     */
    private static void echo(SocketChannel connection, ByteBuffer buffer, SelectionKey key) throws IOException {
        buffer.clear();
        try {
            if (connection.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) connection.write(buffer);
                return;
            }
        } catch (SocketException reset) {
            // the client is gone
        }
        key.cancel();
        connection.close();
    }

    /** Stops the server on its own thread (a selector closed from another would change its keys under it) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        selector.wakeup();
        thread.join();
    }
}
