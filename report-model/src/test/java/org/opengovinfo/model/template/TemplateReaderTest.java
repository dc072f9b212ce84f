package org.opengovinfo.model.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A template or rule file with a mistake fails at load, naming the file and the problem. */
class TemplateReaderTest {

    private static final String TEMPLATE = """
            {"id": "t", "name": "测试", "authority": "测试", "years": {"from": 2030},
             "tables": [{"code": "a", "label": "甲", "unit": "件", "kind": "count", "consolidation": "sum",
               "rows": [{"code": "r1", "label": "一"}, {"code": "r2", "label": "二"}],
               "columns": [{"code": "x", "label": "X"}, {"code": "y", "label": "Y"},
                           {"code": "sum", "label": "合计", "consolidation": "derived"}]}]}
            """;
    private static final String RULES = """
            {"template": "t", "rules": [
              {"id": "a.sum", "check": "total", "table": "a", "per": "row", "total": "sum", "parts": ["x", "y"],
               "message": {"zh": "合计", "en": "Sum"}}]}
            """;

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Template read(String template, String rules) {
        return TemplateReader.read("t.template.json", stream(template), "t.rules.json", stream(rules));
    }

    private static String failure(String template, String rules) {
        return assertThrows(TemplateDefinitionException.class, () -> read(template, rules)).getMessage();
    }

    @Test
    void aValidPairLoadsWithPerRowRulesExpanded() {
        Template t = read(TEMPLATE, RULES);

        assertEquals(6, t.cellCount());
        assertEquals(2, t.rules().rules().size());
        assertEquals(List.of("a.r1.sum", "a.r2.sum"),
                t.rules().derivations().stream().map(r -> r.total().code()).toList());
        assertEquals(Integer.MAX_VALUE, t.years().to());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"authority\": \"测试\",                  | \"authority\": \"测试\",, | t.template.json: malformed JSON",
        "\"label\": \"甲\"                         | \"label\": \"甲\", \"colour\": \"red\" | t.template.json: $.tables[0]: unknown key 'colour'",
        "\"kind\": \"count\"                       | \"kind\": \"integer\" | t.template.json: $.tables[0].kind: unknown value 'integer'",
        "\"unit\": \"件\",                          | '' | t.template.json: cell a.r1.x has no unit",
        "{\"code\": \"r2\"                         | {\"code\": \"r1\" | t.template.json: $.tables[0].rows[1]: code 'r1' is used twice",
        "\"years\": {\"from\": 2030}               | \"years\": {\"from\": 2030, \"to\": 2020} | t.template.json: $.years: year range 2030–2020 is empty",
        "\"kind\": \"count\"                       | \"kind\": \"amount\" | t.template.json: cell a.r1.x is an amount, so its unit must be 万元",
        "\"id\": \"t\"                             | \"id\": \"T!\" | t.template.json: $.id: 'T!' is not a template id",
    })
    void aBrokenTemplateFileIsNamedWithItsProblem(String find, String replace, String expected) {
        String message = failure(TEMPLATE.replace(find.strip(), replace == null ? "" : replace.strip()), RULES);
        assertTrue(message.startsWith(expected), message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"parts\": [\"x\", \"y\"]  | \"parts\": [\"x\", \"z\"] | t.rules.json: $.rules[0] (a.sum).parts: no cell 'a.r1.z' in template t",
        "\"check\": \"total\"       | \"check\": \"sums\" | t.rules.json: $.rules[0] (a.sum).check: unknown check 'sums'",
        "\"per\": \"row\"           | \"per\": \"cell\" | t.rules.json: $.rules[0] (a.sum).per: expected 'row' or 'column'",
        "\"table\": \"a\"           | \"table\": \"b\" | t.rules.json: $.rules[0] (a.sum).table: no table 'b'",
        "\"en\": \"Sum\"            | \"en\": \"\" | t.rules.json: $.rules[0] (a.sum).message.en: expected a non-blank string",
        "\"template\": \"t\"        | \"template\": \"u\" | t.rules.json: $.template: rules are for template 'u'",
        "\"total\": \"sum\"         | \"total\": \"x\" | t.rules.json: $.rules[0] (a.sum) [row r1]: total a.r1.x must be a derived cell",
        "\"check\": \"total\", \"table\": \"a\", \"per\": \"row\", \"total\": \"sum\", \"parts\": [\"x\", \"y\"] | \"check\": \"equal\", \"table\": \"a\", \"per\": \"row\", \"left\": [\"sum\"], \"right\": [\"x\"] | t.rules.json: derived cell a.r1.sum is the total of no total rule",
    })
    void aBrokenRuleFileIsNamedWithItsProblem(String find, String replace, String expected) {
        String rules = RULES.replace(find.strip(), replace.strip());
        String message = failure(TEMPLATE, rules);
        assertTrue(message.startsWith(expected), message);
    }

    @Test
    void derivedCellsDefinedInACycleAreRejected() {
        String template = TEMPLATE.replace("{\"code\": \"y\", \"label\": \"Y\"}",
                "{\"code\": \"y\", \"label\": \"Y\", \"consolidation\": \"derived\"}");
        String rules = """
                {"template": "t", "rules": [
                  {"id": "a.sum", "check": "total", "table": "a", "per": "row", "total": "sum", "parts": ["x", "y"],
                   "message": {"zh": "合计", "en": "Sum"}},
                  {"id": "a.y", "check": "total", "table": "a", "per": "row", "total": "y", "parts": ["sum"],
                   "message": {"zh": "乙", "en": "Y"}}]}
                """;
        String message = failure(template, rules);
        assertTrue(message.startsWith("t.rules.json: derived cells depend on each other in a cycle: "), message);
    }

    @Test
    void aRuleCannotMixCountsAndAmounts() {
        String template = TEMPLATE.replace("{\"code\": \"y\", \"label\": \"Y\"}",
                "{\"code\": \"y\", \"label\": \"Y\", \"kind\": \"amount\", \"unit\": \"万元\"}");
        String message = failure(template, RULES);
        assertTrue(message.contains("cannot add up counts and amounts together"), message);
    }

    @Test
    void aMissingFileIsNamed() {
        TemplateDefinitionException e = assertThrows(TemplateDefinitionException.class,
                () -> TemplateReader.read("t.template.json", stream(TEMPLATE), "t.rules.json", null));
        assertEquals("t.rules.json: file not found", e.getMessage());
    }

    @Test
    void templatesInForceInTheSameYearAreRejected() {
        TemplateDefinitionException e = assertThrows(TemplateDefinitionException.class,
                () -> Templates.load(getClass().getClassLoader(), "overlapping-templates/"));
        assertTrue(e.getMessage().contains("are both in force in 2019"), e.getMessage());
    }
}
