package org.opengovinfo.model.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.StrictJson;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.ValueKind;

/**
 * Reads an indicator file ({@code <template>.indicators.json}) and the risk-flag file ({@code risk-flags.json}).
 * Strict, like the template reader: an unknown key, a missing attribute, an unknown cell or a formula that makes no
 * sense fails with the file and the JSON path named. Formulas are JSON lists of cells, not text to parse.
 */
final class IndicatorReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CELL_CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,2}");
    private final String file;
    private final StrictJson json;

    private IndicatorReader(String file) {
        this.file = file;
        this.json = new StrictJson(file, IndicatorDefinitionException::new);
    }

    static IndicatorSet indicators(String file, InputStream in, Template template) {
        IndicatorReader reader = new IndicatorReader(file);
        return reader.indicators(reader.json.parse(in), template);
    }

    static RiskSettings riskFlags(String file, InputStream in) {
        IndicatorReader reader = new IndicatorReader(file);
        return reader.riskFlags(reader.json.parse(in));
    }

    private IndicatorSet indicators(JsonNode root, Template template) {
        json.allowOnly(root, "$", "template", "indicators");
        String declaredFor = json.text(root, "template", "$");
        if (!declaredFor.equals(template.id())) {
            throw fail("$.template: indicators are for template '" + declaredFor + "' but sit beside template '"
                    + template.id() + "'");
        }
        JsonNode nodes = json.nonEmptyArray(root, "indicators", "$");
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "$.indicators[" + i + "]";
            Indicator indicator = indicator(nodes.get(i), path, template);
            if (!ids.add(indicator.id())) {
                throw fail(path + ": indicator id '" + indicator.id() + "' is used twice");
            }
            indicators.add(indicator);
        }
        return new IndicatorSet(template, indicators);
    }

    private Indicator indicator(JsonNode node, String path, Template template) {
        json.allowOnly(node, path, "id", "label", "unit", "numerator", "denominator", "multiplier");
        String id = json.text(node, "id", path);
        if (!ID.matcher(id).matches()) {
            throw fail(path + ".id: '" + id + "' is not an id (lower-case letters, digits and _)");
        }
        path = path + " (" + id + ")";
        JsonNode label = json.object(node, "label", path);
        json.allowOnly(label, path + ".label", "zh", "en");
        List<Term> numerator = terms(node, "numerator", path, template);
        List<Term> denominator = node.has("denominator") ? terms(node, "denominator", path, template) : List.of();
        if (denominator.stream().anyMatch(Term::subtracted)) {
            throw fail(path + ".denominator: only adds cells (a '-' term could make it negative)");
        }
        BigDecimal multiplier = BigDecimal.ONE;
        if (node.has("multiplier")) {
            JsonNode m = node.get("multiplier");
            if (!m.isNumber() || m.decimalValue().signum() <= 0) {
                throw fail(path + ".multiplier: expected a positive number");
            }
            if (denominator.isEmpty()) {
                throw fail(path + ".multiplier: only a ratio (with a denominator) has a multiplier");
            }
            multiplier = m.decimalValue();
        }
        sameKindOnEachSide(numerator, path + ".numerator", template);
        sameKindOnEachSide(denominator, path + ".denominator", template);
        return new Indicator(id, json.text(label, "zh", path + ".label"), json.text(label, "en", path + ".label"),
                json.text(node, "unit", path), numerator, denominator, multiplier);
    }

    private List<Term> terms(JsonNode node, String key, String path, Template template) {
        JsonNode array = json.nonEmptyArray(node, key, path);
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String p = path + "." + key + "[" + i + "]";
            if (!array.get(i).isTextual()) {
                throw fail(p + ": expected a cell code such as s3.new.total, -s3.new.total or previous:s3.new.total");
            }
            String written = array.get(i).asText();
            boolean subtracted = written.startsWith("-");
            String rest = subtracted ? written.substring(1) : written;
            boolean previous = rest.startsWith(Term.PREVIOUS);
            String code = previous ? rest.substring(Term.PREVIOUS.length()) : rest;
            if (!CELL_CODE.matcher(code).matches()) {
                throw fail(p + ": '" + written + "' is not a cell code");
            }
            // last year's report may be in another format, so its cells are checked when it is read; this year's now
            Cell cell = template.cell(code).orElse(null);
            if (!previous && cell == null) {
                throw fail(p + ": no cell '" + code + "' in template " + template.id());
            }
            if (cell != null && cell.kind().isSigned()) {
                throw fail(p + ": " + code + " is a signed change, not a quantity to compute a rate from");
            }
            terms.add(new Term(code, previous, subtracted));
        }
        return terms;
    }

    private void sameKindOnEachSide(List<Term> terms, String path, Template template) {
        Set<ValueKind> kinds = java.util.EnumSet.noneOf(ValueKind.class);
        for (Term t : terms) {
            template.cell(t.cell()).ifPresent(c -> kinds.add(c.kind()));
        }
        if (kinds.size() > 1) {
            throw fail(path + ": cannot add counts and amounts together " + kinds);
        }
    }

    private RiskSettings riskFlags(JsonNode root) {
        json.allowOnly(root, "$", "volume", "flags");
        JsonNode volume = json.object(root, "volume", "$");
        json.allowOnly(volume, "$.volume", "indicator", "minimum");
        List<RiskThreshold> thresholds = new ArrayList<>();
        JsonNode flags = json.nonEmptyArray(root, "flags", "$");
        for (int i = 0; i < flags.size(); i++) {
            String path = "$.flags[" + i + "]";
            JsonNode node = flags.get(i);
            json.allowOnly(node, path, "indicator", "direction", "red", "yellow");
            String direction = json.text(node, "direction", path);
            RiskThreshold.Direction d;
            try {
                d = RiskThreshold.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(path + ".direction: expected above or below, not '" + direction + "'");
            }
            try {
                thresholds.add(new RiskThreshold(json.text(node, "indicator", path), d, json.number(node, "red", path),
                        json.number(node, "yellow", path)));
            } catch (IllegalArgumentException e) {
                throw fail(path + ": " + e.getMessage());
            }
        }
        try {
            return new RiskSettings(json.text(volume, "indicator", "$.volume"), json.number(volume, "minimum", "$.volume"),
                    thresholds);
        } catch (IllegalArgumentException e) {
            throw fail("$: " + e.getMessage());
        }
    }

    private IndicatorDefinitionException fail(String problem) {
        return new IndicatorDefinitionException(file + ": " + problem);
    }
}
