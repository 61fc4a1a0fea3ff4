package dev.ack.runner.fuzz;

import dev.ack.runner.fuzz.EventQueueCase.Step;
import dev.ack.runner.steps.eventqueue.Interests;
import dev.ack.runner.steps.eventqueue.Mode;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Random event-queue cases: one to four sources, then up to {@value #MAX_STEPS} steps, each drawn among
 * those valid at that point: register a source not registered, reregister or deregister one that is
 * (where both sides claim it), with a token not in use, interests readable, writable or both and a mode
 * both sides claim; a peer sends a few bytes or closes; a read of 1, 3 or 4096 bytes; a poll with
 * capacity 1 to 4, often fewer than the ready sources. The last step is a poll with room for every source.
 */
final class EventQueueCases {
    private static final int MAX_STEPS = 14;
    /** Small tokens, and two that need more than 32 bits (EQ-04). */
    private static final List<Long> TOKENS = List.of(1L, 2L, 3L, 4L, 5L, 6L, (1L << 33) + 5, (1L << 53) - 1);
    private static final List<Integer> READS = List.of(1, 3, 4096);
    private static final List<Interests> INTERESTS = List.of(new Interests(true, false), new Interests(false, true), new Interests(true, true));

    /** What both sides claim. */
    record Claims(boolean edge, boolean oneshot, boolean reregister, boolean deregister, boolean eventFlags) {}

    private final Draws draws;
    private final Claims claims;
    private final Map<Integer, Long> registered = new HashMap<>();
    private final Set<Integer> closed = new HashSet<>();
    private int sent;

    private EventQueueCases(Draws draws, Claims claims) {
        this.draws = draws;
        this.claims = claims;
    }

    static Gen<EventQueueCase> cases(Claims claims) {
        return source -> new EventQueueCases(new Draws(source), claims).make();
    }

    private EventQueueCase make() {
        int sources = draws.between(1, 4);
        List<Step> steps = new ArrayList<>();
        int size = draws.between(2, MAX_STEPS);
        for (int i = 0; i < size; i++) steps.add(step(draws.between(0, sources - 1)));
        steps.add(new Step.Poll(sources));
        return new EventQueueCase(sources, List.copyOf(steps), claims.eventFlags());
    }

    private Step step(int source) {
        int kind = draws.between(0, 9);
        boolean isRegistered = registered.containsKey(source);
        return switch (kind) {
            case 0, 1 -> isRegistered ? changed(source) : register(source, false);
            case 2, 3 -> closed.contains(source) ? poll() : send(source);
            case 4 -> closed.contains(source) || draws.oneIn(2) ? read(source) : close(source);
            case 5 -> read(source);
            default -> poll();
        };
    }

    /** A reregister or a deregister of a registered source, as far as both sides claim them; else a poll. */
    private Step changed(int source) {
        if (claims.reregister() && (!claims.deregister() || draws.oneIn(2))) return register(source, true);
        if (claims.deregister()) {
            registered.remove(source);
            return new Step.Deregister(source);
        }
        return poll();
    }

    private Step register(int source, boolean again) {
        registered.remove(source);
        List<Long> free = TOKENS.stream().filter(t -> !registered.containsValue(t)).toList();
        long token = draws.oneOf(free);
        registered.put(source, token);
        List<Mode> modes = new ArrayList<>(List.of(Mode.LEVEL_TRIGGERED));
        if (claims.edge()) modes.add(Mode.EDGE_TRIGGERED);
        if (claims.oneshot()) modes.add(Mode.ONESHOT);
        Mode mode = draws.oneOf(modes);
        // edge-triggered for readable only: see EventQueueFuzz on writable edges
        Interests interests = mode == Mode.EDGE_TRIGGERED ? INTERESTS.getFirst() : draws.oneOf(INTERESTS);
        return new Step.Register(source, token, interests, mode, again);
    }

    private Step send(int source) {
        int length = draws.oneOf(List.of(1, 2, 5, 40));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) text.append((char) ('a' + sent++ % 26));
        return new Step.Send(source, text.toString());
    }

    private Step close(int source) {
        closed.add(source);
        return new Step.Close(source);
    }

    private Step read(int source) {
        return new Step.Read(source, draws.oneOf(READS));
    }

    private Step poll() {
        return new Step.Poll(draws.between(1, 4));
    }
}
