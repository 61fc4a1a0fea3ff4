package dev.ack.runner.steps.wakers;

import io.cucumber.java.ParameterType;

/** Runs and executors, named by the executor's thread: "the run" and "the executor" are the one on "main". */
public class WakersParameterTypes {

    /** "the run", or "the run on "exec-1"". */
    @ParameterType("the run(?: on \"[^\"]+\")?")
    public String theRun(String words) {
        return nameIn(words);
    }

    /** "the executor", or "executor "exec-1"". */
    @ParameterType("the executor|executor \"[^\"]+\"")
    public String theExecutor(String words) {
        return nameIn(words);
    }

    private static String nameIn(String words) {
        int quote = words.indexOf('"');
        return quote < 0 ? WakersWorld.MAIN : words.substring(quote + 1, words.length() - 1);
    }
}
