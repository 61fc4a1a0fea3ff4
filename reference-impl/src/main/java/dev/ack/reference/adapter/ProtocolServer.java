package dev.ack.reference.adapter;

import dev.ack.protocol.Codec;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Message;
import dev.ack.protocol.Protocol;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.SessionOps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The adapter side of the protocol (spec/protocol.md): reads one request line, answers it, reads the
 * next. Serves the session ops ({@code hello}, {@code reset}, {@code shutdown}) itself and every other
 * op through the {@link OpDispatch} of all handlers' routes. Every request gets a reply, and no error
 * stops the loop; only {@code shutdown} and the end of input do.
 */
final class ProtocolServer {
    private final String name;
    private final String version;
    private final Handles handles;
    private final List<AreaHandler> handlers;
    private final OpDispatch dispatch;

    /**
     * {@code name} and {@code version} are what the handshake reports; {@code handles} is shared with the
     * handlers. An op that two handlers serve stops the server here, before it serves anything.
     */
    public ProtocolServer(String name, String version, Handles handles, List<AreaHandler> handlers) {
        this.name = name;
        this.version = version;
        this.handles = handles;
        this.handlers = List.copyOf(handlers);
        this.dispatch = new OpDispatch(List.of(
                Route.of(SessionOps.HELLO, args -> hello()),
                Route.of(SessionOps.RESET, args -> releaseSession()),
                Route.of(SessionOps.SHUTDOWN, args -> releaseSession())), this.handlers);
    }

    /** Serves requests from {@code in} until {@code shutdown} or end of input, then releases everything. */
    public void serve(InputStream in, OutputStream out) throws IOException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer replies = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            String line;
            while ((line = requests.readLine()) != null) {
                Message.Request request;
                try {
                    request = Codec.parseRequest(line);
                } catch (Codec.MalformedRequestException e) {
                    send(replies, Codec.failure(e.id(), ErrorKind.BadRequest, e.getMessage()));
                    continue;
                }
                send(replies, answer(request));
                if (request.op().equals("shutdown")) return;
            }
        } finally {
            releaseAll();
        }
    }

    private Message.Reply answer(Message.Request request) {
        try {
            return Codec.success(request.id(), dispatch.serve(request.op(), request.args()));
        } catch (ProtocolError e) {
            return Codec.failure(request.id(), e.kind(), e.getMessage());
        } catch (Exception e) {
            System.err.println("request " + request.id() + " (" + request.op() + ") failed unexpectedly:");
            e.printStackTrace();
            return Codec.failure(request.id(), ErrorKind.Internal, e.toString());
        }
    }

    /** Always answers with the version this server speaks, so the runner can report a mismatch (§3.1). */
    private SessionOps.HelloResult hello() {
        return new SessionOps.HelloResult(name, version, "java", Protocol.VERSION,
                handlers.stream().map(h -> h.area().wireName()).toList(),
                handlers.stream().flatMap(h -> h.capabilities().stream()).distinct().toList());
    }

    /** One line per message, flushed at once: the runner waits for it (spec PR-01, PR-02). */
    private static void send(Writer replies, Message.Reply reply) throws IOException {
        replies.write(Codec.encode(reply));
        replies.write('\n');
        replies.flush();
    }

    /** What the handlers keep, then the handles. */
    private Empty releaseSession() throws Exception {
        for (AreaHandler handler : handlers) handler.reset();
        handles.releaseAll();
        return Empty.VALUE;
    }

    private void releaseAll() {
        try {
            releaseSession();
        } catch (Exception e) {
            System.err.println("releasing the session's objects failed:");
            e.printStackTrace();
        }
    }
}
