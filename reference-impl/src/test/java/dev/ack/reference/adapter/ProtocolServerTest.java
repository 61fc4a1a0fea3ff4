package dev.ack.reference.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.Message;
import dev.ack.reference.variants.EventQueueFactory;
import dev.ack.reference.variants.FibersFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server driven in-process over pipes, one request and one reply at a time, as the runner does.
 * Args are written with single quotes, to keep the JSON readable here.
 */
class ProtocolServerTest {
    private OutputStream requests;
    private BufferedReader replies;
    private Thread server;
    private long lastId;

    @BeforeEach
    void start() throws IOException {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer);
        PipedOutputStream serverOut = new PipedOutputStream();
        requests = toServer;
        replies = new BufferedReader(new InputStreamReader(new PipedInputStream(serverOut), StandardCharsets.UTF_8));
        Handles handles = new Handles();
        ProtocolServer protocolServer = new ProtocolServer("ack-reference", "0.1.0", handles,
                List.of(new EventQueueHandler(handles, EventQueueFactory.REFERENCE),
                        new FibersHandler(handles, FibersFactory.REFERENCE)));
        server = Thread.ofPlatform().name("protocol-server").start(() -> {
            try (serverOut) {
                protocolServer.serve(serverIn, serverOut);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        requests.close();
        server.join(5_000);
    }

    @Test
    void answersTheHandshake() throws Exception {
        Message.Reply reply = call("hello", "{'protocol': 1, 'suite': '0.1.0'}");

        assertThat(reply.result().toString()).isEqualTo(json("{'name':'ack-reference','version':'0.1.0',"
                + "'language':'java','protocol':1,'areas':['event-queue','fibers'],"
                + "'capabilities':['edge-triggered','oneshot','reregister','deregister','event-queue-waker',"
                + "'cross-thread-registry','argument-checks','event-flags','configurable-slots','configurable-stack-size','stack-guard',"
                + "'runtime-check','run-returns']}"));
    }

    @Test
    void aMalformedLineIsABadRequestAndTheServerGoesOn() throws Exception {
        assertFailure(send("{not json"), null, ErrorKind.BadRequest);
        assertFailure(send(json("{'id': 40, 'args': {}}")), 40L, ErrorKind.BadRequest);
        assertFailure(call("eq.teleport", "{}"), ErrorKind.BadRequest);
        assertFailure(call("eq.events_new", "{'capacity': 'many'}"), ErrorKind.BadRequest);
        long poll = issue("eq.poll_new", "{}", "poll");
        long events = issue("eq.events_new", "{'capacity': 1}", "events");
        assertFailure(call("eq.poll", "{'poll': %d, 'events': %d}".formatted(poll, events)), ErrorKind.BadRequest);

        assertThat(call("hello", "{'protocol': 1}").ok()).isTrue();
    }

    @Test
    void handlesThatWereNeverIssuedReleasedOrOfAnotherKindAreUnknown() throws Exception {
        assertFailure(call("eq.wake", "{'waker': 4242}"), ErrorKind.UnknownHandle);

        long poll = issue("eq.poll_new", "{}", "poll");
        assertFailure(call("eq.wake", "{'waker': %d}".formatted(poll)), ErrorKind.UnknownHandle);

        call("eq.poll_close", "{'poll': %d}".formatted(poll));
        assertFailure(call("eq.poll_close", "{'poll': %d}".formatted(poll)), ErrorKind.UnknownHandle);

        long other = issue("eq.poll_new", "{}", "poll");
        call("reset", "{}");
        assertFailure(call("eq.poll_close", "{'poll': %d}".formatted(other)), ErrorKind.UnknownHandle);
    }

    @Test
    void servesAnEventQueueSessionAgainstALoopbackPeer() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long poll = issue("eq.poll_new", "{}", "poll");
            long events = issue("eq.events_new", "{'capacity': 4}", "events");
            int port = listener.getLocalPort();
            long source = issue("eq.connect", "{'host': '127.0.0.1', 'port': %d}".formatted(port), "source");
            long waker = issue("eq.waker_new", "{'poll': %d, 'token': 4294967296}".formatted(poll), "waker");
            String registration = ("{'poll': %d, 'source': %d, 'token': 9007199254740991,"
                    + " 'interests': ['readable'], 'trigger': 'edge'}").formatted(poll, source);
            assertThat(call("eq.register", registration).ok()).isTrue();
            assertFailure(call("eq.register", registration), ErrorKind.AlreadyRegistered);

            try (Socket peer = listener.accept()) {
                peer.getOutputStream().write("héllo".getBytes(StandardCharsets.UTF_8));
                String pollArgs = "{'poll': %d, 'events': %d, 'timeout_ms': 5000}".formatted(poll, events);
                assertThat(call("eq.poll", pollArgs).result().get("events").toString())
                        .isEqualTo(json("[{'token':9007199254740991,'readable':true,'writable':false}]"));

                String readArgs = "{'source': %d, 'max': 100}".formatted(source);
                assertThat(call("eq.read", readArgs).result().toString())
                        .isEqualTo(json("{'data':'héllo','eof':false}"));
                assertFailure(call("eq.read", readArgs), ErrorKind.WouldBlock);

                String wakeWhilePolling = ("{'poll': %d, 'events': %d, 'timeout_ms': null,"
                        + " 'concurrently': {'after_ms': 50, 'action': 'wake', 'waker': %d}}")
                        .formatted(poll, events, waker);
                JsonNode woken = call("eq.poll", wakeWhilePolling).result().get("events");
                assertThat(woken.findValuesAsText("token")).containsExactly("4294967296");
            }
        }
    }

    @Test
    void servesAFibersSessionAndAResetLeavesNoRuntimeInitialised() throws Exception {
        long runtime = issue("fb.runtime_new", "{'slots': null, 'stack_size': null}", "runtime");
        String program = "[{'do': 'spawn', 'body': [{'do': 'log', 'text': 'fiber {id}'}]}, {'do': 'log', 'text': 'base {id}'}]";
        assertThat(call("fb.run", "{'runtime': %d, 'program': %s}".formatted(runtime, program)).result().toString())
                .isEqualTo(json("{'trace':[{'event':'spawned','fiber':0,'id':1},{'event':'log','fiber':0,'text':'base 0'},"
                        + "{'event':'log','fiber':1,'text':'fiber 1'},{'event':'finished','fiber':1}]}"));

        call("reset", "{}");
        assertFailure(call("fb.call_outside_runtime", "{'call': 'yield'}"), ErrorKind.NotInitialised);
        assertFailure(call("fb.call_outside_runtime", "{'call': 'spawn'}"), ErrorKind.NotInitialised);
        assertFailure(call("fb.run", "{'runtime': %d, 'program': []}".formatted(runtime)), ErrorKind.UnknownHandle);
    }

    @Test
    void fibersRequestsTheProtocolForbidsAreBadRequestsAndRejectedValuesInvalidArguments() throws Exception {
        assertFailure(call("fb.runtime_new", "{'slots': 0}"), ErrorKind.InvalidArgument);
        assertFailure(call("fb.runtime_new", "{'stack_size': 0}"), ErrorKind.InvalidArgument);
        assertFailure(call("fb.runtime_new", "{'slots': 'four'}"), ErrorKind.BadRequest);
        long runtime = issue("fb.runtime_new", "{}", "runtime");
        for (String program : List.of("{}", "[{'do': 'teleport'}]", "[{'do': 'log'}]",
                "[{'do': 'repeat', 'times': -1, 'var': 'i', 'body': []}]", "[{'do': 'spawn', 'body': [7]}]")) {
            assertFailure(call("fb.run", "{'runtime': %d, 'program': %s}".formatted(runtime, program)), ErrorKind.BadRequest);
        }
        assertFailure(call("fb.call_outside_runtime", "{'call': 'run'}"), ErrorKind.BadRequest);
    }

    @Test
    void endOfInputEndsTheServerWithoutAReply() throws Exception {
        call("eq.poll_new", "{}");
        requests.close();

        server.join(5_000);
        assertThat(server.isAlive()).isFalse();
        assertThat(replies.readLine()).isNull();
    }

    @Test
    void argsTheSchemaRejectsAreABadRequestInTheSchemasWords() throws Exception {
        Message.Reply reply = call("eq.events_new", "{'capacity': 'many'}");
        assertFailure(reply, ErrorKind.BadRequest);
        assertThat(reply.error().message()).contains("capacity").contains("integer");
    }

    @Test
    void anOpServedTwiceStopsTheServerBeforeItServes() {
        Handles handles = new Handles();
        EventQueueHandler eventQueue = new EventQueueHandler(handles, EventQueueFactory.REFERENCE);
        assertThatThrownBy(() -> new ProtocolServer("twice", "0", handles, List.of(eventQueue, eventQueue)))
                .hasMessageContaining("eq.poll_new is served twice");
    }

    @Test
    void shutdownIsAnsweredThenTheServerEnds() throws Exception {
        assertThat(call("shutdown", "{}").result()).isEmpty();

        server.join(5_000);
        assertThat(server.isAlive()).isFalse();
    }

    /** Sends a request with the next id and returns the reply, which must name that id. */
    private Message.Reply call(String op, String args) throws Exception {
        long id = ++lastId;
        Message.Reply reply = send(json("{'id': %d, 'op': '%s', 'args': %s}".formatted(id, op, args)));
        assertThat(reply.id()).isEqualTo(id);
        return reply;
    }

    /** Calls an op that creates an object and returns the handle in its {@code field}. */
    private long issue(String op, String args, String field) throws Exception {
        Message.Reply reply = call(op, args);
        assertThat(reply.ok()).as("%s %s", op, reply.error()).isTrue();
        return reply.result().get(field).asLong();
    }

    private Message.Reply send(String line) throws Exception {
        requests.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        requests.flush();
        String reply = replies.readLine();
        assertThat(reply).as("reply to " + line).isNotNull();
        return (Message.Reply) Codec.parseFromAdapter(reply);
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static void assertFailure(Message.Reply reply, ErrorKind kind) {
        assertFailure(reply, reply.id(), kind);
    }

    private static void assertFailure(Message.Reply reply, Long id, ErrorKind kind) {
        assertThat(reply.id()).isEqualTo(id);
        assertThat(reply.ok()).isFalse();
        assertThat(reply.error().kind()).as(reply.error().message()).isEqualTo(kind);
    }
}
