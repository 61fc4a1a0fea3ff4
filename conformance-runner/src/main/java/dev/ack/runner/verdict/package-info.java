/**
 * The vocabulary of verdicts, shared by the step hooks that decide a scenario does not run and the
 * reports that count them: below both, so neither depends on the other.
 */
package dev.ack.runner.verdict;
