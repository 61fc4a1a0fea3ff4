/**
 * Step definitions: thin translations from Gherkin sentences to typed requests (the ops of
 * {@code dev.ack.protocol}, sent through {@link dev.ack.runner.adapter.ProtocolClient}) and assertions,
 * one sub-package per area, found by Cucumber without being listed. {@link dev.ack.runner.steps.Hooks}
 * does what every scenario needs: claims, reset, and the transcript in the report.
 */
package dev.ack.runner.steps;
