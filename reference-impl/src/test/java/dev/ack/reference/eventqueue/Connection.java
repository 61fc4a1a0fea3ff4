package dev.ack.reference.eventqueue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A {@link TcpStream} under test connected to a plain java.net peer on loopback that the test drives. */
public record Connection(TcpStream stream, Socket peer) implements AutoCloseable {

    public static Connection open(ServerSocket listener) throws IOException {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        TcpStream stream = TcpStream.connect(address);
        return new Connection(stream, listener.accept());
    }

    public static ServerSocket listener() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    public void peerSends(String text) throws IOException {
        peer.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        peer.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
        peer.close();
    }
}
