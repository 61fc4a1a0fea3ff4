package dev.ack.runner.adapter;

/**
 * A bounded excerpt of text that came from an adapter: its head and its tail with the size between
 * them, so that one huge line cannot swell the console or a report, and a reader still sees how it
 * began, how it ended and how big it was.
 */
public final class Excerpt {
    private Excerpt() {}

    /** {@code text} itself when it has at most {@code maxChars} characters; else its head and tail and its size. */
    public static String of(String text, int maxChars) {
        if (text.length() <= maxChars) return text;
        int head = maxChars * 2 / 3;
        int tail = maxChars - head;
        return text.substring(0, head) + " …[" + String.format("%,d", text.length()) + " characters in all, "
                + String.format("%,d", text.length() - head - tail) + " left out]… " + text.substring(text.length() - tail);
    }
}
