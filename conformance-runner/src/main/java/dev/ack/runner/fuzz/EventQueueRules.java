package dev.ack.runner.fuzz;

import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.runner.steps.eventqueue.Interests;
import dev.ack.runner.steps.eventqueue.Mode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What spec/event-queue.md fixes about a run of an event-queue case, once what the peers did has reached
 * the adapter's end of each source: fed the case's steps and what the implementation answered, it keeps
 * each source's state as the rules speak of it and says what in an answer they do not allow.
 * <p>
 * A poll's answer is taken as a set of tokens, each with its flags OR-ed over its events (EQ-07 lets a
 * source come in several events; the order of events is free). Per poll the sources fall in three kinds:
 * <ul>
 *   <li><em>required</em>, with exact readable and writable flags: a level-triggered source ready for one
 *       of its interests (EQ-05 to EQ-09; writable always, since the adapter never writes), an armed
 *       oneshot one likewise (EQ-11), an edge-triggered one with a transition not yet reported that is
 *       still readable (EQ-10: new data, the peer's close; or ready when registered, EQ-02);</li>
 *   <li><em>optional</em>: an edge-triggered source whose transition was read away before the poll, or
 *       one reregistered edge-triggered while readable (no rule says whether a reregister is an edge);</li>
 *   <li><em>forbidden</em>: every other token.</li>
 * </ul>
 * The poll must report every required source while it has room (EQ-20), may leave out required ones
 * only when full, and which ones then is free; an edge-triggered transition left out stays owed to a
 * later poll (none is lost, EQ-20), a level-triggered source is ready again anyway. With capability
 * {@code event-flags} on both sides, a required source registered for readable whose peer closed must
 * carry {@code read_closed} (EQ-35.1).
 */
final class EventQueueRules {
    private final boolean flagsCompared;
    private final List<Source> sources = new ArrayList<>();
    /** Tokens some registration had and no registration has now. */
    private final Set<Long> retired = new HashSet<>();

    private static final class Source {
        String stream = "";
        int consumed;
        boolean closed;
        Registration registration;
        /** Edge-triggered: a transition happened that no poll has reported yet. */
        Owed owed = Owed.NOTHING;
        /** Oneshot: not yet reported since it was registered or re-armed. */
        boolean armed;

        int unread() { return stream.length() - consumed; }

        boolean readable() { return unread() > 0 || closed; }
    }

    private record Registration(long token, Interests interests, Mode mode) {}

    private enum Owed { NOTHING, MAYBE, A_REPORT }

    /** The flags the spec fixes for a required source. */
    record Flags(boolean readable, boolean writable, boolean readClosed) {
        @Override
        public String toString() {
            String readiness = readable && writable ? "readable and writable" : readable ? "readable" : writable ? "writable" : "neither readable nor writable";
            return readiness + (readClosed ? " with read_closed" : "");
        }
    }

    /**
     * What a poll must, may and must not report, before it is made.
     *
     * @param required  the tokens it must report while it has room, with their flags
     * @param optional  the tokens it may report
     * @param forbidden the tokens of this run it must not report
     */
    record Expectation(Map<Long, Flags> required, Set<Long> optional, Set<Long> forbidden) {}

    /** {@code flagsCompared}: whether both sides claim {@code event-flags}, so that {@code read_closed} is compared. */
    EventQueueRules(int sources, boolean flagsCompared) {
        this.flagsCompared = flagsCompared;
        for (int i = 0; i < sources; i++) this.sources.add(new Source());
    }

    int unread(int source) { return sources.get(source).unread(); }

    boolean closed(int source) { return sources.get(source).closed; }

    void register(EventQueueCase.Step.Register step) {
        Source source = sources.get(step.source());
        if (source.registration != null && source.registration.token() != step.token()) retired.add(source.registration.token());
        retired.remove(step.token());
        source.registration = new Registration(step.token(), step.interests(), step.mode());
        source.armed = step.mode() == Mode.ONESHOT;
        source.owed = step.mode() != Mode.EDGE_TRIGGERED || !source.readable() ? Owed.NOTHING : step.again() ? Owed.MAYBE : Owed.A_REPORT;
    }

    void deregister(int index) {
        Source source = sources.get(index);
        retired.add(source.registration.token());
        source.registration = null;
        source.owed = Owed.NOTHING;
    }

    void sent(int index, String text) {
        Source source = sources.get(index);
        source.stream += text;
        if (source.registration != null && source.registration.mode() == Mode.EDGE_TRIGGERED) source.owed = Owed.A_REPORT;
    }

    void closedByPeer(int index) {
        Source source = sources.get(index);
        source.closed = true;
        if (source.registration != null && source.registration.mode() == Mode.EDGE_TRIGGERED) source.owed = Owed.A_REPORT;
    }

    /**
     * A read of at most {@code max} bytes answered {@code data} (or end of stream), or failed with
     * {@code errorKind}: what the spec does not allow in it, if anything. A read may return fewer bytes
     * than are waiting, but at least one, and those next in the stream (EQ-05); WouldBlock only with
     * nothing waiting (EQ-22); end of stream only after the peer closed and everything was read (EQ-06).
     */
    Optional<String> read(int index, int max, String data, boolean eof, String errorKind) {
        Source source = sources.get(index);
        int unread = source.unread();
        String waiting = unread + " bytes waiting" + (source.closed ? ", the peer closed" : ", the peer open");
        if (errorKind != null) {
            return errorKind.equals("WouldBlock") && unread == 0 && !source.closed ? Optional.empty()
                    : Optional.of("failed with " + errorKind + ", with " + waiting + " (EQ-22, EQ-06)");
        }
        if (eof) {
            return unread == 0 && source.closed ? Optional.empty() : Optional.of("reported end of stream, with " + waiting + " (EQ-06)");
        }
        String next = source.stream.substring(source.consumed, source.consumed + Math.min(unread, data.length()));
        source.consumed += next.length();
        if (data.isEmpty() || data.length() > max || !data.equals(next)) {
            return Optional.of("returned \"" + data + "\", with " + waiting + ", the next being \"" + source.stream.substring(source.consumed - next.length())
                    + "\" (EQ-05)");
        }
        return Optional.empty();
    }

    /** What the next poll must, may and must not report. */
    Expectation expectation() {
        Map<Long, Flags> required = new TreeMap<>();
        Set<Long> optional = new HashSet<>();
        Set<Long> forbidden = new HashSet<>(retired);
        for (Source source : sources) {
            Registration registration = source.registration;
            if (registration == null) continue;
            long token = registration.token();
            Flags ready = new Flags(registration.interests().readable() && source.readable(), registration.interests().writable(),
                    flagsCompared && registration.interests().readable() && source.closed);
            boolean any = ready.readable() || ready.writable();
            switch (registration.mode()) {
                case LEVEL_TRIGGERED -> { if (any) required.put(token, ready); else forbidden.add(token); }
                case ONESHOT -> { if (any && source.armed) required.put(token, ready); else forbidden.add(token); }
                case EDGE_TRIGGERED -> {
                    if (source.owed == Owed.A_REPORT && any) required.put(token, ready);
                    else if (source.owed != Owed.NOTHING) optional.add(token);
                    else forbidden.add(token);
                }
            }
        }
        return new Expectation(required, optional, forbidden);
    }

    /**
     * A poll with an events collection of {@code capacity} returned {@code events}: what the spec does not
     * allow in it, one line each.
     */
    List<String> polled(int capacity, List<Event> events) {
        Expectation expected = expectation();
        Map<Long, Flags> reported = new TreeMap<>();
        for (Event event : events) {
            reported.merge(event.token(), new Flags(event.readable(), event.writable(), event.readClosed()),
                    (a, b) -> new Flags(a.readable() || b.readable(), a.writable() || b.writable(), a.readClosed() || b.readClosed()));
        }
        List<String> wrong = new ArrayList<>();
        if (events.size() > capacity) wrong.add(events.size() + " events in a collection of capacity " + capacity + " (EQ-20)");
        // a full poll may have left out some of a source's events, where it reports the source in several (EQ-07)
        boolean room = events.size() < capacity;
        reported.forEach((token, flags) -> {
            Source source = byToken(token);
            if (expected.required().containsKey(token)) {
                Flags fixed = expected.required().get(token);
                boolean extra = (flags.readable() && !fixed.readable()) || (flags.writable() && !fixed.writable());
                boolean missing = flags.readable() != fixed.readable() || flags.writable() != fixed.writable() || (fixed.readClosed() && !flags.readClosed());
                if (extra || (room && missing)) {
                    wrong.add("token " + token + " reported " + flags + ", where the spec says " + fixed + " (EQ-05 to EQ-09, EQ-35.1)");
                }
            } else if (expected.optional().contains(token)) {
                Interests interests = source.registration.interests();
                if ((flags.readable() && !interests.readable()) || (flags.writable() && !interests.writable())) {
                    wrong.add("token " + token + " reported " + flags + ", registered for " + interests + " (EQ-08)");
                }
            } else {
                wrong.add("token " + token + " reported " + flags + ", " + whyNot(source));
            }
        });
        expected.required().forEach((token, flags) -> {
            if (room && !reported.containsKey(token)) wrong.add("token " + token + " not reported, though " + flags + " and the poll had room (EQ-20)");
        });
        for (Source source : sources) {
            if (source.registration == null || !reported.containsKey(source.registration.token())) {
                if (source.owed == Owed.MAYBE && room) source.owed = Owed.NOTHING;
                continue;
            }
            source.owed = Owed.NOTHING;
            source.armed = false;
        }
        return wrong;
    }

    private Source byToken(long token) {
        return sources.stream().filter(s -> s.registration != null && s.registration.token() == token).findFirst().orElse(null);
    }

    /** Why a registration's token may not be reported now. */
    private static String whyNot(Source source) {
        if (source == null) return "which no registration has now (EQ-12, EQ-13)";
        Registration registration = source.registration;
        return switch (registration.mode()) {
            case ONESHOT -> source.armed ? "which is not ready for " + registration.interests() + " (EQ-08, EQ-09)"
                    : "a oneshot registration already reported and not re-armed (EQ-11)";
            case EDGE_TRIGGERED -> "edge-triggered, with no transition since it was last reported (EQ-10)";
            case LEVEL_TRIGGERED -> "which is not ready for " + registration.interests() + " (EQ-08, EQ-09)";
        };
    }
}
