package dev.ack.runner.report;

/**
 * How much the kit's own reports (console, results file, rule matrix page) reveal about a failure:
 * a teacher may want students to see the rule and the hint, but not the expected value to hard-code.
 * Cucumber's and Allure's reports always hold everything; they are the teacher's.
 */
public enum Feedback {
    /** Rule text, hint, expected versus actual, and where to find the transcript. */
    FULL,
    /** Rule text and hint, without what the scenario expected or saw. */
    HINT,
    /** Only which rule failed. */
    RULE;

    public boolean showsHint() { return this != RULE; }

    public boolean showsDetails() { return this == FULL; }
}
