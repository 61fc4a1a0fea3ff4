package dev.ack.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.Concurrently;
import dev.ack.protocol.eventqueue.EventQueueOps.Interest;
import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.protocol.fibers.FiberTraceEntry;
import dev.ack.protocol.fibers.FibersOps;
import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.runtime.RuntimeInstruction;
import dev.ack.protocol.runtime.RuntimeLeaf;
import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.wakers.WakersOps;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records become exactly the wire's JSON and back: snake_case names, a required-but-null
 * {@code timeout_ms} sent as null, optional args left out, kinds as the {@code do}/{@code event}/
 * {@code kind} field, and what they write validates against their op's definition; a result written
 * straight into its reply line is the same JSON as through a tree.
 */
class PayloadsTest {
    private final ProtocolSchema schema = ProtocolSchema.bundled();

    private <A> JsonNode args(Op<A, ?> op, A args) {
        JsonNode json = Codec.toJson(args);
        assertThat(schema.argsProblems(op.name(), json)).as(json.toString()).isEmpty();
        assertThat(Codec.fromJson(json, op.args())).as("read back").isEqualTo(args);
        return json;
    }

    private <R> void result(Op<?, R> op, R result) {
        ObjectNode json = Codec.toJson(result);
        assertThat(schema.resultProblems(op.name(), json)).as(json.toString()).isEmpty();
        assertThat(Codec.fromJson(json, op.result())).as("read back").isEqualTo(result);
        assertThat(Codec.encodeSuccess(7, result)).as("the reply written straight").isEqualTo(Codec.encode(Codec.success(7, json)));
    }

    @Test
    void anEmptyResultIsAnEmptyObject() {
        result(SessionOps.RESET, Empty.VALUE);
    }

    @Test
    void aPollWithoutTimeoutSendsNullAndLeavesOutWhatIsOptional() {
        JsonNode json = args(EventQueueOps.POLL, new EventQueueOps.PollArgs(1, 2, null, Concurrently.wake(50, 3)));
        assertThat(json.toString()).isEqualTo(
                "{\"poll\":1,\"events\":2,\"timeout_ms\":null,\"concurrently\":{\"after_ms\":50,\"action\":\"wake\",\"waker\":3}}");
        args(EventQueueOps.POLL, new EventQueueOps.PollArgs(1, 2, 0L,
                Concurrently.register(5, 4, 7, List.of(Interest.READABLE, Interest.WRITABLE))));
        args(EventQueueOps.REGISTER, new EventQueueOps.RegisterArgs(1, 2, (1L << 53) - 1, List.of(),
                EventQueueOps.Trigger.EDGE, true));
        result(EventQueueOps.POLL, new EventQueueOps.PollResult(List.of(new EventQueueOps.Event(3, true, false, true, false, false))));
    }

    @Test
    void aFibersProgramAndItsTraceCarryTheirKinds() {
        FiberInstruction spawn = new FiberInstruction.Spawn(List.of(new FiberInstruction.Repeat(2, "i", List.of(
                new FiberInstruction.Log("{i}"), new FiberInstruction.Yield(), new FiberInstruction.Nested(3, List.of(
                        new FiberInstruction.ExhaustStack(1024), new FiberInstruction.Spin(10)))))));
        JsonNode json = args(FibersOps.RUN, new FibersOps.RunArgs(1, List.of(new FiberInstruction.Set("x", 5),
                new FiberInstruction.Add("x", 1), new FiberInstruction.Check("x", 6), spawn)));
        assertThat(json.at("/program/3/do").asText()).isEqualTo("spawn");
        assertThat(json.at("/program/3/body/0/body/2/body/0/frame_bytes").asInt()).isEqualTo(1024);
        result(FibersOps.RUN, new FibersOps.RunResult(List.of(new FiberTraceEntry.Log(0, "hi"),
                new FiberTraceEntry.Spawned(0, 1), new FiberTraceEntry.Check(1, "x", 5, 0),
                new FiberTraceEntry.Error(1, ErrorKind.StackOverflow, "stack"), new FiberTraceEntry.Finished(1))));
        args(FibersOps.RUNTIME_NEW, new FibersOps.RuntimeNewArgs(null, 64L * 1024));
    }

    @Test
    void aCoroutineProgramAndItsTraceCarryTheirKinds() {
        args(WakersOps.BLOCK_ON, new WakersOps.BlockOnArgs(List.of(
                new CoroutineInstruction.Create("c", List.of(CoroutineInstruction.Wait.forLeaf(
                        new CoroutineLeaf.Http(8080, "/600/hello", null), "x"), new CoroutineInstruction.Return("{x}"))),
                CoroutineInstruction.Wait.forLeaf(new CoroutineLeaf.Manual("A"), null),
                new CoroutineInstruction.JoinAll(List.of("c"), "all"), new CoroutineInstruction.Spawn("c"),
                new CoroutineInstruction.PollDetached("c"), new CoroutineInstruction.KeepWaker("w"),
                new CoroutineInstruction.YieldNow(), new CoroutineInstruction.YieldUntilSleep(),
                CoroutineInstruction.Wait.forChild("c", "y"), new CoroutineInstruction.Set("s", "a {y}"),
                new CoroutineInstruction.Log("got {s}")), "exec-1"));
        result(WakersOps.RUN_WAIT, new WakersOps.RunWaitResult(true, "done", List.of(
                new CoroutineTraceEntry.Log("got 1", 0L), new CoroutineTraceEntry.LeafStarted("A"),
                new CoroutineTraceEntry.LeafPolled("A", false), new CoroutineTraceEntry.Spawned("main", 1),
                new CoroutineTraceEntry.TaskPolled("main", 1), new CoroutineTraceEntry.TaskFinished("main", 1),
                new CoroutineTraceEntry.Wake(1), new CoroutineTraceEntry.Sleep("main", 2),
                new CoroutineTraceEntry.AllFinished("main"))));
    }

    @Test
    void aRuntimeProgramCarriesItsOwnInstructionsAndLeaves() {
        JsonNode json = args(RuntimeOps.BLOCK_ON, new RuntimeOps.BlockOnArgs(List.of(
                new RuntimeInstruction.Create("c", List.of(RuntimeInstruction.Wait.forLeaf(
                        new RuntimeLeaf.OtherRuntime(8080, "/600/hello", "R"), "x"), new RuntimeInstruction.Return("{x}"))),
                new RuntimeInstruction.Spawn("c"), new RuntimeInstruction.EnterOtherRuntime(),
                RuntimeInstruction.Wait.forLeaf(new RuntimeLeaf.ThirdParty(8080, "/10/a", null), "y"),
                RuntimeInstruction.Wait.forLeaf(new RuntimeLeaf.Manual("A"), null),
                new RuntimeInstruction.Append("{y}"), new RuntimeInstruction.Log("{buffer}")), null));
        assertThat(json.at("/program/2").toString()).isEqualTo("{\"do\":\"enter_other_runtime\"}");
        args(RuntimeOps.LEAF_READY, new RuntimeOps.LeafReadyArgs("A", "a", RuntimeOps.Wake.BY_REFERENCE));
        result(RuntimeOps.RUN_WAIT, new RuntimeOps.RunWaitResult(false, List.of(new CoroutineTraceEntry.Wake(1))));
        result(RuntimeOps.CPU_TIME, new RuntimeOps.CpuTimeResult(12.5));
    }

    @Test
    void aPayloadThatDoesNotFitSaysWhere() throws IOException {
        JsonNode wrong = Codec.JSON.readTree("{\"runtime\":1,\"program\":[{\"do\":\"log\",\"text\":\"a\"},{\"do\":\"jump\"}]}");
        assertThatThrownBy(() -> Codec.fromJson(wrong, FibersOps.RunArgs.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jump").hasMessageContaining("program");
        JsonNode text = Codec.JSON.readTree("{\"poll\":\"1\"}");
        assertThatThrownBy(() -> Codec.fromJson(text, EventQueueOps.PollNewResult.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
