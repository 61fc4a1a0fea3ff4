/**
 * Step definitions: thin translations from Gherkin sentences to protocol requests and assertions,
 * one sub-package per area. {@link dev.ack.runner.steps.Hooks} does what every scenario needs:
 * claims, reset, and the transcript in the report.
 */
package dev.ack.runner.steps;
