package org.opengovinfo.model.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * A real published report's three tables, copied from {@code shared/fixtures/reports} into the project's own input
 * format: a flat map of cell code → value as printed (so {@code 增加15} and {@code 63800万元} stay text).
 */
public record PublishedReport(String unit, int year, Template template, Map<String, Object> cells) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static PublishedReport luozhuang2020() {
        return load("luozhuang-2020");
    }

    public static PublishedReport linzi2021() {
        return load("linzi-2021");
    }

    /** A legacy-format sample (not a published report): rule-consistent, every cell filled. */
    public static PublishedReport legacySample2017() {
        return load("legacy-sample-2017");
    }

    public static PublishedReport load(String name) {
        try (InputStream in = PublishedReport.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            JsonNode root = JSON.readTree(in);
            int year = root.get("year").asInt();
            Template template = Templates.bundled().forYear(year).orElseThrow();
            if (!template.id().equals(root.get("template").asText())) {
                throw new IllegalStateException(name + " names template " + root.get("template") + " for " + year);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cells = JSON.convertValue(root.get("figures"), LinkedHashMap.class);
            return new PublishedReport(root.get("unit").asText(), year, template, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Figures figures() {
        return Figures.of(template, cells);
    }
}
