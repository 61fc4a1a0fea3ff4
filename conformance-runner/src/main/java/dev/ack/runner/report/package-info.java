/**
 * What a run tells its users besides Cucumber's and Allure's own reports: a live line per scenario,
 * the closing summary, and the kit's results file with the per-rule verdicts.
 */
package dev.ack.runner.report;
