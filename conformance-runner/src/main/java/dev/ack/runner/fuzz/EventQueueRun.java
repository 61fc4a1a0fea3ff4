package dev.ack.runner.fuzz;

import java.util.List;
import java.util.Map;

/**
 * What running an event-queue case showed.
 *
 * @param wrong        what the spec does not allow in the answers, one line each, beginning with the step
 * @param expectations before each poll, by its step's index: what it had to report
 * @param reads        each read's answer, by its step's index: its data, "end of stream" or an error's kind
 */
record EventQueueRun(List<String> wrong, Map<Integer, EventQueueRules.Expectation> expectations, Map<Integer, String> reads) {
    static final String END_OF_STREAM = "end of stream";
}
