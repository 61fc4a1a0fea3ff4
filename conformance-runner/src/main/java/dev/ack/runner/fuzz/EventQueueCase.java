package dev.ack.runner.fuzz;

import dev.ack.runner.steps.eventqueue.Interests;
import dev.ack.runner.steps.eventqueue.Mode;

import java.util.List;

/**
 * An event-queue case: {@code sources} TCP streams, each connected to a peer the runner holds, one poll
 * instance, and the steps done to them in order. Sources are numbered from 0 and named "A", "B", … in
 * scenarios. Every case is valid ({@link EventQueueFuzz#valid}): a source is registered before it is
 * reregistered or deregistered, a peer sends only before it closes, tokens of registered sources differ,
 * and the last step is a poll with room for every source.
 *
 * @param flagsCompared whether both sides claim {@code event-flags}, so that {@code read_closed} is compared (EQ-35.1)
 */
record EventQueueCase(int sources, List<Step> steps, boolean flagsCompared) {

    /** A source's name in a scenario. */
    static String name(int source) {
        return String.valueOf((char) ('A' + source));
    }

    /** One thing the runner does. */
    sealed interface Step {
        /**
         * {@code eq.register}, or {@code eq.reregister} when {@code again}.
         *
         * @param interests readable, writable or both
         * @param mode      level-triggered, edge-triggered (readable only) or oneshot (level-triggered, re-armed by a reregister)
         */
        record Register(int source, long token, Interests interests, Mode mode, boolean again) implements Step {}

        /** {@code eq.deregister}. */
        record Deregister(int source) implements Step {}

        /** The source's peer sends {@code text}, which the adapter's end has received when the next step begins. */
        record Send(int source, String text) implements Step {}

        /** The source's peer closes the connection; the adapter's end has received the end of stream when the next step begins. */
        record Close(int source) implements Step {}

        /** {@code eq.read} of at most {@code max} bytes. */
        record Read(int source, int max) implements Step {}

        /** {@code eq.poll} into an events collection of {@code capacity}. */
        record Poll(int capacity) implements Step {}

        /** The source this step is about, or -1 for a poll. */
        default int source() {
            return -1;
        }
    }
}
