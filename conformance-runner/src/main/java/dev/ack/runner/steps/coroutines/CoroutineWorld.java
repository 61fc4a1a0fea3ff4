package dev.ack.runner.steps.coroutines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.runner.adapter.AdapterSession.Exchange;
import dev.ack.runner.steps.ErrorReplies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ack.runner.steps.coroutines.ProgramWorld.args;

/**
 * The state of one coroutines scenario: the coroutines the adapter created, under the names the
 * scenario uses, their programs' http delays, and every poll made so far with its result and trace.
 */
public class CoroutineWorld {
    /** The coroutine that steps without a name refer to. */
    static final String THE_COROUTINE = "the coroutine";

    /** One {@code co.poll}: Ready with a value or Pending (value null), and the trace entries it reported. */
    record Poll(String coroutine, boolean ready, String value, List<JsonNode> trace, Duration elapsed) {
        String describe() {
            return (ready ? "Ready with \"" + value + "\"" : "Pending") + " after " + elapsed.toMillis()
                    + " ms, with the trace:\n" + Trace.describe(trace);
        }
    }

    private final ProgramWorld programs;
    private final Map<String, Long> handles = new HashMap<>();
    private final Map<String, Program> programsByName = new HashMap<>();
    private final List<Poll> polls = new ArrayList<>();

    public CoroutineWorld(ProgramWorld programs) {
        this.programs = programs;
    }

    void create(String name, String programText) {
        Program program = programs.program(programText);
        long handle = ProgramWorld.call("co.create", args().set("program", program.json())).path("coroutine").asLong();
        handles.put(name, handle);
        programsByName.put(name, program);
    }

    Program program(String name) {
        Program program = programsByName.get(name);
        if (program == null) throw new IllegalStateException("the scenario uses coroutine \"" + name + "\" before creating it");
        return program;
    }

    /** Polls {@code name} once; a reply that is neither Ready with a value nor Pending without one fails (CO-03). */
    Poll poll(String name) {
        Exchange reply = attemptPoll(name);
        JsonNode result = ErrorReplies.assertSucceeded("polling coroutine \"" + name + "\"", reply, "expected Ready or Pending");
        if (!result.path("ready").isBoolean()) {
            throw new AssertionError("a poll's result needs a boolean \"ready\", the adapter sent " + result);
        }
        boolean ready = result.path("ready").asBoolean();
        if (ready != result.path("value").isTextual()) {
            throw new AssertionError("a poll returns Ready with a string value, or Pending without a value; "
                    + "the adapter sent " + result);
        }
        List<JsonNode> trace = new ArrayList<>();
        result.path("trace").forEach(trace::add);
        Poll poll = new Poll(name, ready, ready ? result.path("value").asText() : null, List.copyOf(trace), reply.elapsed());
        polls.add(poll);
        return poll;
    }

    Exchange attemptPoll(String name) {
        Long handle = handles.get(name);
        if (handle == null) throw new IllegalStateException("the scenario polls coroutine \"" + name + "\" before creating it");
        return ProgramWorld.session().exchange("co.poll", args().put("coroutine", handle));
    }

    Poll lastPoll() {
        if (polls.isEmpty()) throw new IllegalStateException("the scenario checks a poll before polling");
        return polls.getLast();
    }

    /** Every trace entry of every poll of {@code name}, in order. */
    List<JsonNode> traceOf(String name) {
        return tracesByPoll(name).stream().flatMap(List::stream).toList();
    }

    /** The trace of each poll of {@code name}, in order. */
    List<List<JsonNode>> tracesByPoll(String name) {
        return polls.stream().filter(p -> p.coroutine().equals(name)).map(Poll::trace).toList();
    }
}
