package dev.ack.runner.adapter;

import java.util.ArrayList;
import java.util.List;

/**
 * An adapter command line split into program and arguments, the way a shell would split words but
 * without running one: no globbing, no variables, no pipes. Single and double quotes group words;
 * a backslash escapes the next character outside single quotes.
 */
public record AdapterCommand(List<String> argv) {

    public AdapterCommand {
        if (argv.isEmpty()) throw new IllegalArgumentException("the adapter command is empty");
        argv = List.copyOf(argv);
    }

    public static AdapterCommand parse(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0; else word.append(c);
            } else if (c == '\\' && i + 1 < commandLine.length()) {
                word.append(commandLine.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') quote = 0; else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unterminated " + quote + " quote in adapter command: " + commandLine);
        if (inWord) words.add(word.toString());
        return new AdapterCommand(words);
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
