/**
 * The steps of area {@code runtime} (chapter 10): runs of {@code block_on} on a runtime initialised
 * once, leaves made ready by value or by reference, and what the runs' traces and the adapter's CPU
 * time show. The programs, the delay server and the timing facts are the coroutines area's.
 */
package dev.ack.runner.steps.runtime;
