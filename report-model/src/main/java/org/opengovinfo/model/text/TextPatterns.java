package org.opengovinfo.model.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.opengovinfo.model.template.Template;

/**
 * The text patterns of one template ({@code <template>.text.json}): its sections, the subject words that tell a
 * reconsideration from a lawsuit, the cells that hold what is still pending per subject and the fee cells, and the
 * statements in the order they are read and written. Immutable.
 */
public final class TextPatterns {

    /** Where {@code {n}} stands: digits, half or full width, with an optional decimal part. */
    static final String NUMBER = "([0-9０-９]+(?:[.．][0-9０-９]+)?)";

    private final Template template;
    private final List<Section> sections;
    private final Map<String, List<String>> subjects;
    private final Map<String, List<String>> pendingCells;
    private final List<String> feeCells;
    private final List<Statement> statements;
    private final Map<Integer, List<List<Pattern>>> compiled = new ConcurrentHashMap<>();

    TextPatterns(Template template, List<Section> sections, Map<String, List<String>> subjects,
                 Map<String, List<String>> pendingCells, List<String> feeCells, List<Statement> statements) {
        this.template = template;
        this.sections = List.copyOf(sections);
        this.subjects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subjects));
        this.pendingCells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pendingCells));
        this.feeCells = List.copyOf(feeCells);
        this.statements = List.copyOf(statements);
    }

    public Template template() {
        return template;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Subject → the words that name it (复议 → reconsideration), in file order. */
    public Map<String, List<String>> subjects() {
        return subjects;
    }

    /** Subject → the cells that hold what is still pending (结转下年度继续办理, 尚未审结). */
    public Map<String, List<String>> pendingCells() {
        return pendingCells;
    }

    /** The cells that, above 0, show information-processing fees were charged. */
    public List<String> feeCells() {
        return feeCells;
    }

    public List<Statement> statements() {
        return statements;
    }

    public Optional<Section> section(String role) {
        return sections.stream().filter(s -> role.equals(s.role())).findFirst();
    }

    /** Each statement's phrases compiled for a report year, in statement order. */
    List<List<Pattern>> phrases(int year) {
        return compiled.computeIfAbsent(year, y -> statements.stream()
                .map(s -> s.phrases().stream().map(p -> compile(p, y)).toList()).toList());
    }

    static Pattern compile(String phrase, int year) {
        return Pattern.compile(phrase.replace("{n}", NUMBER)
                .replace("{previousYear}", String.valueOf(year - 1))
                .replace("{nextYear}", String.valueOf(year + 1))
                .replace("{year}", String.valueOf(year)));
    }
}
