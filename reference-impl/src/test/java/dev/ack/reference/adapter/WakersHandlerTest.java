package dev.ack.reference.adapter;

import static dev.ack.reference.adapter.HandlerCalls.call;
import static dev.ack.reference.adapter.HandlerCalls.json;
import static dev.ack.reference.adapter.HandlerCalls.kindOf;
import static dev.ack.reference.adapter.HandlerCalls.threadsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.ErrorKind;
import dev.ack.reference.variants.CoroutinesFactory;
import dev.ack.reference.variants.WakersFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code co.*} and {@code wk.*} ops as the server hands them to their handlers, and the reset
 * that must leave no executor thread and no reactor behind. Args are written with single quotes.
 */
class WakersHandlerTest {
    private final Handles handles = new Handles();
    private final CoroutinesHandler coroutines = new CoroutinesHandler(handles, CoroutinesFactory.REFERENCE);
    private final WakersHandler wakers = new WakersHandler(handles, WakersFactory.REFERENCE);

    @AfterEach
    void reset() throws Exception {
        wakers.reset();
        coroutines.reset();
        handles.releaseAll();
    }

    @Test
    void aPollReportsItsTraceAndAPollAfterReadyFails() throws Exception {
        long coroutine = call(coroutines, "co.create", "{'program': [{'do': 'log', 'text': 'hi'},"
                + " {'do': 'wait', 'leaf': {'kind': 'manual', 'name': 'A'}, 'into': 'x'}, {'do': 'return', 'value': 'got {x}'}]}")
                .get("coroutine").asLong();

        assertThat(call(coroutines, "co.poll", "{'coroutine': %d}".formatted(coroutine)).toString()).isEqualTo(json(
                "{'ready':false,'trace':[{'event':'log','text':'hi'},{'event':'leaf-started','leaf':'A'},"
                        + "{'event':'leaf-polled','leaf':'A','ready':false}]}"));
        call(coroutines, "co.leaf_ready", "{'name': 'A', 'value': '1'}");
        assertThat(call(coroutines, "co.poll", "{'coroutine': %d}".formatted(coroutine)).get("value").asText())
                .isEqualTo("got 1");
        assertThat(kindOf(() -> call(coroutines, "co.poll", "{'coroutine': %d}".formatted(coroutine))))
                .isEqualTo(ErrorKind.PolledAfterReady);
    }

    @Test
    void aRunRepliesAtOnceAndRunWaitReportsItsProgress() throws Exception {
        long run = call(wakers, "wk.block_on", "{'program': [{'do': 'wait', 'leaf': {'kind': 'manual', 'name': 'A'},"
                + " 'into': 'x'}, {'do': 'return', 'value': 'got {x}'}], 'executor': 'exec-1'}").get("run").asLong();

        JsonNode waiting = call(wakers, "wk.run_wait", "{'run': %d, 'timeout_ms': 200}".formatted(run));
        assertThat(waiting.get("finished").asBoolean()).isFalse();
        assertThat(waiting.get("trace").toString()).contains(json("{'event':'sleep','executor':'exec-1','pending':1}"));

        call(wakers, "wk.leaf_ready", "{'name': 'A', 'value': 'a'}");
        JsonNode done = call(wakers, "wk.run_wait", "{'run': %d, 'timeout_ms': 5000}".formatted(run));
        assertThat(done.get("value").asText()).isEqualTo("got a");
        assertThat(done.get("trace").toString()).startsWith(json("[{'event':'wake','task':0}"));
    }

    @Test
    void resetStopsTheExecutorThreadsAndTheReactor() throws Exception {
        call(wakers, "wk.reactor_start", "{}");
        assertThat(kindOf(() -> call(wakers, "wk.reactor_start", "{}"))).isEqualTo(ErrorKind.AlreadyRunning);
        call(wakers, "wk.block_on", "{'program': [{'do': 'wait', 'leaf': {'kind': 'manual', 'name': 'A'}}],"
                + " 'executor': 'reset-check'}");
        assertThat(threadsNamed("reset-check")).isEqualTo(1);
        assertThat(threadsNamed("reactor")).isEqualTo(1);

        reset();

        assertThat(threadsNamed("reset-check")).isZero();
        assertThat(threadsNamed("reactor")).isZero();
        call(wakers, "wk.reactor_start", "{}");
    }

    @Test
    void anHttpLeafWithoutAReactorEndsTheRunWithNotInitialised() throws Exception {
        long run = call(wakers, "wk.block_on", "{'program': [{'do': 'wait', 'leaf': {'kind': 'http', 'port': 9,"
                + " 'path': '/0/nobody'}}]}").get("run").asLong();

        assertThat(kindOf(() -> call(wakers, "wk.run_wait", "{'run': %d, 'timeout_ms': 5000}".formatted(run))))
                .isEqualTo(ErrorKind.NotInitialised);
    }
}
