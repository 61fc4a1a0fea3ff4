package dev.ack.runner.adapter;

/**
 * Text from an adapter made safe for a terminal and a report: control characters (ESC of colour
 * codes, carriage returns, NUL, the C1 controls) are shown as {@code \u001b}-style escapes instead of
 * acting on the console. Newlines and tabs stay.
 */
public final class Printable {
    private Printable() {}

    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (out == null) continue;
            if (control) out.append(String.format("\\u%04x", (int) c)); else out.append(c);
        }
        return out == null ? text : out.toString();
    }
}
