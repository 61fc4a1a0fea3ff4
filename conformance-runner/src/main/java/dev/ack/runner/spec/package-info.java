/**
 * The suite's own knowledge of itself: the rules parsed from spec/*.md and the scenarios parsed from
 * the feature files. One parser, many readers: the traceability gate, {@code explain}, failure
 * messages and the reports.
 */
package dev.ack.runner.spec;
