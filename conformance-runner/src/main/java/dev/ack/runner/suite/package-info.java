/**
 * One run of the suite: the settings the CLI chose, the adapter shared by the run's scenarios, and
 * the JUnit Platform launch of the Cucumber engine with the report plugins.
 */
package dev.ack.runner.suite;
