package dev.ack.runner.spec;

import dev.ack.protocol.Area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * All rules of the spec, read from one markdown file per area ({@code spec/<area>.md}). A rule is a
 * level-2 heading {@code ## EQ-03 Title} followed by its fields ({@code **Level:** MUST · **Chapter:**
 * 4 · **Book:** ...} for what the chapter's code shows, or {@code · **Beyond the book:** capability `x`
 * (...)} for what the kit asks beyond it; {@code **Intent:**}, {@code **If this fails, check:**},
 * optionally {@code **Untested:**} and {@code **The book's code and this rule:**}); the paragraphs in
 * between are the rule's text. The protocol's own rules are on {@code spec/protocol.md}, each under the
 * section it belongs to: {@code #### PR-03 Title}, then {@code **Level:** MUST · **Protocol:} §2 · **Formerly:**
 * P-3} (the old name, if it had one), the same fields, and {@code **Doctor check:** `name`} when the
 * doctor checks it; such a rule ends at the next heading. A malformed rule is an error
 * that names the file and the rule, so a typo in the spec cannot silently drop a rule.
 */
public final class SpecIndex {
    private static final Pattern HEADING = Pattern.compile("^## ([A-Z]{2}-\\d{2,3}) (.+)$");
    private static final Pattern PROTOCOL_HEADING = Pattern.compile("^#### (" + Rule.PROTOCOL_PREFIX + "-\\d{2}) (.+)$");
    private static final String LEVEL = "\\*\\*Level:\\*\\* (MUST NOT|MUST|SHOULD NOT|SHOULD|MAY) · ";
    private static final Pattern META = Pattern.compile(
            "^" + LEVEL + "\\*\\*Chapter:\\*\\* (\\d+) · \\*\\*(Book|Beyond the book):\\*\\* (.+)$");
    private static final Pattern PROTOCOL_META = Pattern.compile(
            "^" + LEVEL + "\\*\\*Protocol:\\*\\* (§\\d+(?:\\.\\d+)?)(?: · \\*\\*Formerly:\\*\\* (P-\\d+))?$");
    /** {@code capability `a`} or {@code capabilities `a`, `b`}, then the source in free text. */
    private static final Pattern CAPABILITIES = Pattern.compile("^capabilit(?:y|ies) ((?:`[a-z][a-z-]*`(?:, | and )?)+)(.*)$");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z-]*)`");
    /** A doctor check's name in backticks, e.g. {@code `malformed line`}. */
    private static final Pattern NAMED = Pattern.compile("`([^`]+)`");
    private static final String BEYOND = "Beyond the book";
    private static final String INTENT = "**Intent:**";
    private static final String HINT = "**If this fails, check:**";
    private static final String UNTESTED = "**Untested:**";
    private static final String BOOK_NOTE = "**The book's code and this rule:**";
    private static final String DOCTOR = "**Doctor check:**";
    private static final String PROTOCOL_PAGE = "protocol.md";
    private static final Pattern CLAUSE = Pattern.compile("^- \\*\\*([A-Z]{2}-\\d{2,3}\\.\\d+)\\*\\* (.+)$");
    private static final Pattern CLAUSE_FIELD = Pattern.compile("^\\s+- (Hint|Untested): (.+)$");

    private final Map<String, Rule> rules;
    private final List<String> strayPages;

    private SpecIndex(Map<String, Rule> rules, List<String> strayPages) {
        this.rules = rules;
        this.strayPages = strayPages;
    }

    /** Reads the spec bundled in the runner (from the repository's spec/ at build time). */
    public static SpecIndex bundled() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String file : pages()) {
            try (InputStream in = SpecIndex.class.getResourceAsStream("/ack/spec/" + file)) {
                if (in != null) parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), rules);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SpecIndex(rules, List.of());
    }

    /**
     * Reads the spec from a folder laid out like the repository's spec/: one page per area, named after
     * it, and protocol.md. Any other page is a stray ({@link #strayPages()}), which the gate reports.
     */
    public static SpecIndex fromDirectory(Path specDirectory) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String page : pages()) {
            Path file = specDirectory.resolve(page);
            if (!Files.exists(file)) continue;
            try {
                parse(file.getFileName().toString(), Files.readString(file), rules);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> known = new HashSet<>(pages());
        try (Stream<Path> pages = Files.list(specDirectory)) {
            List<String> strays = pages.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !known.contains(name)).sorted().toList();
            return new SpecIndex(rules, strays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages that hold rules: protocol.md first, then one per area. */
    private static List<String> pages() {
        List<String> pages = new ArrayList<>(List.of(PROTOCOL_PAGE));
        for (Area area : Area.values()) pages.add(area.wireName() + ".md");
        return pages;
    }

    /** Pages of a spec folder that belong to no area; a page named after no area would be silently unread. */
    public List<String> strayPages() { return strayPages; }

    static void parse(String file, String markdown, Map<String, Rule> into) {
        boolean protocol = file.equals(PROTOCOL_PAGE);
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = (protocol ? PROTOCOL_HEADING : HEADING).matcher(lines.get(i));
            if (!heading.matches()) continue;
            int end = i + 1;
            while (end < lines.size() && !endsRule(lines.get(end), protocol)) end++;
            Rule rule = parseRule(file, heading.group(1), heading.group(2).strip(), lines.subList(i + 1, end), protocol);
            if (into.putIfAbsent(rule.id(), rule) != null) {
                throw new SpecFormatException(file + ": rule " + rule.id() + " is defined twice");
            }
            i = end - 1;
        }
    }

    /** An area's rule ends at the next rule or page heading; a protocol rule, inside its section, at any heading. */
    private static boolean endsRule(String line, boolean protocol) {
        return protocol ? line.startsWith("#") : line.startsWith("## ") || line.startsWith("# ");
    }

    private static Rule parseRule(String file, String id, String title, List<String> body, boolean protocol) {
        String where = file + ", rule " + id;
        Pattern metaLine = protocol ? PROTOCOL_META : META;
        Matcher meta = null;
        StringBuilder text = new StringBuilder();
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        StringBuilder current = text;
        for (String line : body) {
            Matcher m = metaLine.matcher(line.strip());
            if (meta == null && m.matches()) {
                meta = m;
                continue;
            }
            String field = fieldOf(line);
            if (field != null) {
                current = new StringBuilder(line.strip().substring(field.length()).strip());
                fields.put(field, current);
            } else {
                if (!current.isEmpty()) current.append('\n');
                current.append(line);
            }
        }
        if (meta == null && protocol) {
            throw new SpecFormatException(where + ": the line after the heading must read "
                    + "**Level:** MUST · **Protocol:** §N, or end in · **Formerly:** P-n");
        }
        if (meta == null) {
            throw new SpecFormatException(where + ": the line after the heading must read "
                    + "**Level:** MUST · **Chapter:** N · **Book:** <file> `<function>`, or end in "
                    + "**Beyond the book:** capability `<name>` (<source>)");
        }
        List<String> capabilities = List.of();
        if (!protocol && meta.group(3).equals(BEYOND)) {
            Matcher named = CAPABILITIES.matcher(meta.group(4).strip());
            if (!named.matches()) {
                throw new SpecFormatException(where + ": **Beyond the book:** must name its capability: "
                        + "capability `<name>` (or capabilities `<a>`, `<b>`), then its source");
            }
            capabilities = NAME.matcher(named.group(1)).results().map(r -> r.group(1)).toList();
        }
        String ruleText = text.toString().strip();
        if (ruleText.isEmpty()) throw new SpecFormatException(where + ": the rule has no text");
        String intent = required(fields, INTENT, where);
        String hint = required(fields, HINT, where);
        Optional<String> untested = Optional.ofNullable(fields.get(UNTESTED)).map(b -> b.toString().strip());
        Optional<String> bookNote = Optional.ofNullable(fields.get(BOOK_NOTE)).map(b -> b.toString().strip());
        List<String> doctorChecks = Optional.ofNullable(fields.get(DOCTOR))
                .map(names -> NAMED.matcher(names).results().map(r -> r.group(1)).toList()).orElse(List.of());
        if (protocol) {
            return new Rule(id, title, meta.group(1), 0, file + " " + meta.group(2), capabilities, ruleText, intent, hint,
                    untested, bookNote, file, Optional.ofNullable(meta.group(3)), doctorChecks);
        }
        if (!doctorChecks.isEmpty()) throw new SpecFormatException(where + ": only the protocol's rules are checked by the doctor");
        return new Rule(id, title, meta.group(1), Integer.parseInt(meta.group(2)), meta.group(4).strip(), capabilities,
                ruleText, intent, hint, untested, bookNote, file, Optional.empty(), List.of());
    }

    private static String fieldOf(String line) {
        String s = line.strip();
        for (String f : List.of(INTENT, HINT, UNTESTED, BOOK_NOTE, DOCTOR)) if (s.startsWith(f)) return f;
        return null;
    }

    private static String required(Map<String, StringBuilder> fields, String field, String where) {
        StringBuilder value = fields.get(field);
        if (value == null || value.toString().isBlank()) throw new SpecFormatException(where + ": missing " + field);
        return value.toString().strip();
    }

    /** A rule by its ID, or a protocol rule by its former name ({@code P-1}). */
    public Optional<Rule> rule(String id) {
        Rule rule = rules.get(id);
        if (rule != null) return Optional.of(rule);
        return rules.values().stream().filter(r -> r.formerly().filter(id::equals).isPresent()).findFirst();
    }

    /**
     * A rule's clauses: the bullets {@code - **EQ-04.2** An implementation MUST …} of its text, each with
     * an optional {@code Hint:} and {@code Untested:} sub-bullet (the rule's hint and untested reason
     * otherwise); a rule without such bullets is one clause.
     */
    public static List<Clause> clauses(Rule rule) {
        List<Clause> clauses = new ArrayList<>();
        List<String> lines = rule.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CLAUSE.matcher(lines.get(i));
            if (!m.matches()) continue;
            if (!m.group(1).startsWith(rule.id() + ".")) {
                throw new SpecFormatException(rule.specFile() + ", rule " + rule.id() + ": clause " + m.group(1) + " belongs to another rule");
            }
            StringBuilder text = new StringBuilder(m.group(2).strip());
            String hint = rule.hint();
            Optional<String> untested = rule.untestedReason();
            for (i++; i < lines.size() && lines.get(i).startsWith(" ") && !lines.get(i).isBlank(); i++) {
                Matcher field = CLAUSE_FIELD.matcher(lines.get(i));
                if (field.matches() && field.group(1).equals("Hint")) hint = field.group(2).strip();
                else if (field.matches()) untested = Optional.of(field.group(2).strip());
                else text.append(' ').append(lines.get(i).strip());
            }
            i--;
            clauses.add(new Clause(m.group(1), text.toString(), hint, untested));
        }
        return clauses.isEmpty() ? List.of(Clause.whole(rule)) : clauses;
    }

    /** Whether the rule's text has numbered clauses ({@code - **EQ-04.2** …}), which are covered one by one. */
    public static boolean numbered(Rule rule) {
        return !clauses(rule).getFirst().id().equals(rule.id());
    }

    /** A clause by its ID ({@code EQ-04.2}), or a rule as its whole clause ({@code EQ-04}). */
    public Optional<Clause> clause(String id) {
        int dot = id.indexOf('.');
        Optional<Rule> rule = rule(dot < 0 ? id : id.substring(0, dot));
        if (dot < 0) return rule.map(Clause::whole);
        return rule.flatMap(r -> clauses(r).stream().filter(c -> c.id().equals(id)).findFirst());
    }

    public Collection<Rule> rules() { return rules.values(); }

    /** The protocol's own rules, in their order on spec/protocol.md. */
    public List<Rule> protocolRules() {
        return rules.values().stream().filter(Rule::protocol).toList();
    }

    public List<Rule> rulesOf(Area area) {
        return new ArrayList<>(rules.values().stream().filter(r -> r.prefix().equals(area.rulePrefix())).toList());
    }

    /** A spec file that does not follow the rule format. */
    public static final class SpecFormatException extends RuntimeException {
        public SpecFormatException(String message) { super(message); }
    }
}
