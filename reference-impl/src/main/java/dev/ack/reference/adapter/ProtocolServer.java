package dev.ack.reference.adapter;

import dev.ack.protocol.Codec;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Message;
import dev.ack.protocol.Protocol;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.SessionOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        RequestLines requests = new RequestLines(in);
        try {
            String line;
            while ((line = requests.next()) != null) {
                Message.Request request;
                try {
                    request = Codec.parseRequest(line);
                } catch (Codec.MalformedRequestException e) {
                    send(out, Codec.encode(Codec.failure(e.id(), ErrorKind.BadRequest, e.getMessage())));
                    continue;
                }
                send(out, answer(request));
                if (request.op().equals("shutdown")) return;
            }
        } finally {
            releaseAll();
        }
    }

    /** The reply's line: the result written straight from its record, or the error. */
    private String answer(Message.Request request) {
        try {
            return Codec.encodeSuccess(request.id(), dispatch.serve(request.op(), request.args()));
        } catch (ProtocolError e) {
            return Codec.encode(Codec.failure(request.id(), e.kind(), e.getMessage()));
        } catch (Exception e) {
            System.err.println("request " + request.id() + " (" + request.op() + ") failed unexpectedly:");
            e.printStackTrace();
            return Codec.encode(Codec.failure(request.id(), ErrorKind.Internal, e.toString()));
        }
    }

    /** Always answers with the version this server speaks, so the runner can report a mismatch (§3.1). */
    private SessionOps.HelloResult hello() {
        return new SessionOps.HelloResult(name, version, "java", Protocol.VERSION,
                handlers.stream().map(h -> h.area().wireName()).toList(),
                handlers.stream().flatMap(h -> h.capabilities().stream()).distinct().toList());
    }

    /** One line per message, written whole and flushed at once: the runner waits for it (spec PR-01, PR-02). */
    private static void send(OutputStream replies, String line) throws IOException {
        replies.write((line + "\n").getBytes(StandardCharsets.UTF_8));
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
