package org.opengovinfo.model.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * The text patterns of every template: {@code <base><template id>.text.json} beside each template's files. A new
 * format's sentences are a new data file. Immutable and safe to share.
 */
public final class ReportTexts {

    static final String BASE = "report-templates/";

    private static final class Bundled {
        static final ReportTexts INSTANCE = load(ReportTexts.class.getClassLoader(), BASE, Templates.bundled());
    }

    private final Map<String, TextPatterns> byTemplate;

    private ReportTexts(Map<String, TextPatterns> byTemplate) {
        this.byTemplate = Map.copyOf(byTemplate);
    }

    /**
     * The patterns shipped with the model.
     *
     * @throws TextDefinitionException on first use if a file is missing or malformed, naming it and the JSON path
     */
    public static ReportTexts bundled() {
        return Bundled.INSTANCE;
    }

    public static ReportTexts load(ClassLoader loader, String base, Templates templates) {
        Map<String, TextPatterns> patterns = new LinkedHashMap<>();
        for (Template template : templates.all()) {
            String file = base + template.id() + ".text.json";
            patterns.put(template.id(), TextPatternReader.read(file, loader.getResourceAsStream(file), template));
        }
        return new ReportTexts(patterns);
    }

    /** The patterns of a template. */
    public TextPatterns of(Template template) {
        TextPatterns p = byTemplate.get(template.id());
        if (p == null || p.template() != template) {
            throw new IllegalArgumentException("no text patterns for template " + template.id());
        }
        return p;
    }
}
