package dev.ack.reference.adapter;

import static dev.ack.reference.adapter.HandlerCalls.call;
import static dev.ack.reference.adapter.HandlerCalls.json;
import static dev.ack.reference.adapter.HandlerCalls.kindOf;
import static dev.ack.reference.adapter.HandlerCalls.threadsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.ErrorKind;
import dev.ack.reference.variants.RuntimeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code rt.*} ops as the server hands them to the runtime's handler: runs that reply at once and
 * end when their leaves are made ready (by value or by reference), the refusals, and a reset that
 * leaves no executor thread and no reactor behind.
 */
class RuntimeHandlerTest {
    private static final String WAIT_ON_A = "{'program': [{'do': 'wait', 'leaf': {'kind': 'manual', 'name': 'A'},"
            + " 'into': 'x'}, {'do': 'append', 'text': '{x}!'}, {'do': 'log', 'text': '{buffer}'}], 'executor': '%s'}";

    private final RuntimeHandler runtime = new RuntimeHandler(new Handles(), RuntimeFactory.REFERENCE);

    @AfterEach
    void reset() throws Exception {
        runtime.reset();
    }

    @Test
    void aRunWaitsOnItsLeafAndEndsWhenTheLeafIsMadeReadyByReference() throws Exception {
        call(runtime, "rt.init", "{}");
        long run = call(runtime, "rt.block_on", WAIT_ON_A.formatted("exec-1")).get("run").asLong();

        JsonNode waiting = call(runtime, "rt.run_wait", "{'run': %d, 'timeout_ms': 200}".formatted(run));
        assertThat(waiting.get("finished").asBoolean()).isFalse();

        call(runtime, "rt.leaf_ready", "{'name': 'A', 'value': 'a', 'wake': 'by_reference'}");
        JsonNode done = call(runtime, "rt.run_wait", "{'run': %d, 'timeout_ms': 5000}".formatted(run));
        assertThat(done.get("finished").asBoolean()).isTrue();
        assertThat(done.get("trace").toString()).contains(json("{'event':'log','text':'a!'"));
    }

    @Test
    void aWakeByValueEndsTheRunToo() throws Exception {
        call(runtime, "rt.init", "{}");
        long run = call(runtime, "rt.block_on", WAIT_ON_A.formatted("exec-2")).get("run").asLong();

        call(runtime, "rt.leaf_ready", "{'name': 'A', 'value': 'b', 'wake': 'by_value'}");

        JsonNode done = call(runtime, "rt.run_wait", "{'run': %d, 'timeout_ms': 5000}".formatted(run));
        assertThat(done.get("finished").asBoolean()).isTrue();
        assertThat(done.get("trace").toString()).contains(json("{'event':'log','text':'b!'"));
    }

    @Test
    void aLeafNoProgramWaitsOnAndASecondInitAreRefused() throws Exception {
        call(runtime, "rt.init", "{}");

        assertThat(kindOf(() -> call(runtime, "rt.init", "{}"))).isEqualTo(ErrorKind.AlreadyRunning);
        assertThat(kindOf(() -> call(runtime, "rt.leaf_ready", "{'name': 'nobody', 'value': 'x', 'wake': 'by_value'}")))
                .isEqualTo(ErrorKind.BadRequest);
    }

    @Test
    void anHttpLeafBeforeInitEndsTheRunWithNotInitialised() throws Exception {
        long run = call(runtime, "rt.block_on", "{'program': [{'do': 'wait', 'leaf': {'kind': 'http', 'port': 9,"
                + " 'path': '/0/nobody'}}]}").get("run").asLong();

        assertThat(kindOf(() -> call(runtime, "rt.run_wait", "{'run': %d, 'timeout_ms': 5000}".formatted(run))))
                .isEqualTo(ErrorKind.NotInitialised);
    }

    @Test
    void resetStopsTheExecutorThreadsAndTheReactorAndAllowsANewInit() throws Exception {
        call(runtime, "rt.init", "{}");
        call(runtime, "rt.block_on", WAIT_ON_A.formatted("rt-reset-check"));
        assertThat(threadsNamed("rt-reset-check")).isEqualTo(1);
        assertThat(threadsNamed("reactor")).isEqualTo(1);

        reset();

        assertThat(threadsNamed("rt-reset-check")).isZero();
        assertThat(threadsNamed("reactor")).isZero();
        call(runtime, "rt.init", "{}");
    }

    @Test
    void cpuTimeGrowsWithTheProcess() throws Exception {
        double before = call(runtime, "rt.cpu_time", "{}").get("cpu_ms").asDouble();
        long spin = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < spin) Thread.onSpinWait();

        assertThat(call(runtime, "rt.cpu_time", "{}").get("cpu_ms").asDouble()).isGreaterThan(before);
    }
}
