/**
 * One run of the suite: the adapter shared by the run's scenarios ({@link dev.ack.runner.suite.RunContext}),
 * the feature files in chapter order, and the JUnit Platform launch of the Cucumber engine with the
 * report plugins.
 */
package dev.ack.runner.suite;
