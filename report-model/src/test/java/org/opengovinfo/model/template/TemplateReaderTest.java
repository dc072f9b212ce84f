package org.opengovinfo.model.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengovinfo.model.consolidation.Consolidator;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Severity;

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
        "\"kind\": \"count\",                     | '' | t.template.json: cell a.r1.x has no kind",
        "\"consolidation\": \"sum\",              | '' | t.template.json: cell a.r1.x has no consolidation",
        "{\"code\": \"r2\"                         | {\"code\": \"r1\" | t.template.json: $.tables[0].rows[1]: code 'r1' is used twice",
        "\"years\": {\"from\": 2030}               | \"years\": {\"from\": 2030, \"to\": 2020} | t.template.json: $.years: year range 2030–2020 is empty",
        "\"kind\": \"count\"                       | \"kind\": \"amount\" | t.template.json: cell a.r1.x is an amount, so its unit must be 万元",
        "\"id\": \"t\"                             | \"id\": \"T!\" | t.template.json: $.id: 'T!' is not a template id",
        "\"label\": \"甲\"                         | \"label\": \"甲\", \"printed\": \"sideways\" | t.template.json: $.tables[0].printed: 'sideways' is not down or across",
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
        "\"total\": \"sum\"         | \"total\": \"zz\" | t.rules.json: $.rules[0] (a.sum).total: no cell 'a.r1.zz' in template t",
        "\"total\": \"sum\"         | \"total\": \"x\" | t.rules.json: $.rules[0] (a.sum) [row r1]: total a.r1.x must be a derived cell",
        "\"check\": \"total\", \"table\": \"a\", \"per\": \"row\", \"total\": \"sum\", \"parts\": [\"x\", \"y\"] | \"check\": \"equal\", \"table\": \"a\", \"per\": \"row\", \"left\": [\"sum\"], \"right\": [\"x\"] | t.rules.json: derived cell a.r1.sum is the total of no total rule",
    })
    void aBrokenRuleFileIsNamedWithItsProblem(String find, String replace, String expected) {
        String rules = RULES.replace(find.strip(), replace.strip());
        String message = failure(TEMPLATE, rules);
        assertTrue(message.startsWith(expected), message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"id\": \"t\"                       | \"id\": \"t\", \"colour\": \"red\" | t.template.json: $: unknown key 'colour'",
        "{\"from\": 2030}                    | {\"from\": 2030, \"until\": 2031} | t.template.json: $.years: unknown key 'until'",
        "{\"code\": \"r2\", \"label\": \"二\"} | {\"code\": \"r2\", \"label\": \"二\", \"kinds\": \"count\"} | t.template.json: $.tables[0].rows[1]: unknown key 'kinds'",
        "{\"code\": \"y\", \"label\": \"Y\"}  | {\"code\": \"y\", \"label\": \"Y\", \"consolidate\": \"sum\"} | t.template.json: $.tables[0].columns[1]: unknown key 'consolidate'",
    })
    void anUnknownKeyAtAnyLevelOfATemplateFileStopsTheLoadNamingItsPath(String find, String replace, String expected) {
        assertTrue(TEMPLATE.contains(find.strip()), find);
        String message = failure(TEMPLATE.replace(find.strip(), replace.strip()), RULES);
        assertTrue(message.startsWith(expected), message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"template\": \"t\"  | \"template\": \"t\", \"version\": 2 | t.rules.json: $: unknown key 'version'",
        "\"check\": \"total\" | \"check\": \"total\", \"severty\": \"warning\" | t.rules.json: $.rules[0] (a.sum): unknown key 'severty'",
        "\"message\":         | \"mesage\": | t.rules.json: $.rules[0] (a.sum): unknown key 'mesage'",
        "\"en\": \"Sum\"      | \"en\": \"Sum\", \"fr\": \"Somme\" | t.rules.json: $.rules[0] (a.sum).message: unknown key 'fr'",
        "\"check\": \"total\" | \"check\": \"total\", \"left\": [\"x\"] | t.rules.json: $.rules[0] (a.sum): unknown key 'left'",
    })
    void anUnknownKeyAtAnyLevelOfARuleFileStopsTheLoadNamingItsPath(String find, String replace, String expected) {
        assertTrue(RULES.contains(find.strip()), find);
        String message = failure(TEMPLATE, RULES.replace(find.strip(), replace.strip()));
        assertTrue(message.startsWith(expected), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "c.limit     | \"perItemOf\": \"c.fees.items\", \"total\": \"c.fees.amount\" | t.rules.json: $.rules[2] (c.limit): unknown key 'total'",
        "c.follow_on | \"left\": [\"c.fees.items\"], \"cells\": [\"c.fees.items\"] | t.rules.json: $.rules[3] (c.follow_on): unknown key 'cells'",
    })
    void everyKindOfCheckHasItsOwnKeys(String rule, String replace, String expected) {
        String find = rule.strip().equals("c.limit") ? "\"perItemOf\": \"c.fees.items\"" : "\"left\": [\"c.fees.items\"]";
        String message = assertThrows(TemplateDefinitionException.class,
                () -> read(RICH, RICH_RULES.replace(find, replace.strip()))).getMessage();
        assertTrue(message.startsWith(expected), message);
    }

    /** A template with a label path, declared and signed cells, amounts, an amount limit and a cross-year rule. */
    private static final String RICH = """
            {"id": "t", "name": "丰富", "authority": "测试", "years": {"from": 2040, "to": 2041},
             "unit": "件", "kind": "count", "consolidation": "sum",
             "tables": [{"code": "c", "label": ["二、主动公开", "（八）"],
               "rows": [{"code": "fees", "label": "收费"}],
               "columns": [{"code": "items", "label": "项目数", "unit": "项", "consolidation": "declared"},
                           {"code": "change", "label": "增减", "unit": "项", "kind": "signed_count", "consolidation": "declared"},
                           {"code": "amount", "label": "金额", "unit": "万元", "kind": "amount"},
                           {"code": "other", "label": "其他金额", "unit": "万元", "kind": "amount"},
                           {"code": "amount_total", "label": "合计", "unit": "万元", "kind": "amount", "consolidation": "derived"},
                           {"code": "net", "label": "本年项目数", "unit": "项", "consolidation": "derived"}]}]}
            """;
    private static final String RICH_RULES = """
            {"template": "t", "rules": [
              {"id": "c.total", "check": "total", "total": "c.fees.amount_total", "parts": ["c.fees.amount", "c.fees.other"],
               "message": {"zh": "合计", "en": "Total"}},
              {"id": "c.net", "check": "total", "total": "c.fees.net", "parts": ["c.fees.items", "c.fees.change"],
               "message": {"zh": "项目数", "en": "Items"}},
              {"id": "c.limit", "check": "amount-limit", "cells": ["c.fees.amount"], "max": "100",
               "perItemOf": "c.fees.items", "severity": "warning", "message": {"zh": "过大", "en": "Too large"}},
              {"id": "c.follow_on", "check": "equal", "left": ["c.fees.items"],
               "right": ["previous:c.fees.items", "previous:c.fees.change"], "severity": "warning",
               "message": {"zh": "接续", "en": "Follows on"}}]}
            """;

    @Test
    void cellsCarryTheLabelPathAndTheAttributesOfTheirMostSpecificLevel() {
        Template t = read(RICH, RICH_RULES);

        Cell amount = t.cell("c.fees.amount").orElseThrow();
        assertEquals(List.of("二、主动公开", "（八）", "收费", "金额"), amount.labels());
        assertEquals("万元", amount.unit());
        assertEquals(ValueKind.AMOUNT, amount.kind());
        assertEquals(ConsolidationMode.SUM, amount.consolidation());
        Cell items = t.cell("c.fees.items").orElseThrow();
        assertEquals("项", items.unit());
        assertEquals(ValueKind.COUNT, items.kind());
        assertEquals(ConsolidationMode.DECLARED, items.consolidation());
        assertEquals("丰富", t.name());
        assertEquals(new YearRange(2040, 2041), t.years());
        assertEquals("Template[t, 2040–2041]", t.toString());
    }

    @Test
    void aConsolidationAddsUpEverythingButTheDeclaredCells() {
        Template t = read(RICH, RICH_RULES);

        assertArrayEquals(new int[] {2, 3, 4, 5}, t.summedCells());
        assertEquals("{0, 1}", t.declaredCells().toString());
    }

    @Test
    void aRuleOnAmountsComparesThemInWanYuanNotInScaledUnits() {
        Template t = read(RICH, RICH_RULES);
        Figures figures = Figures.of(t, Map.of("c.fees.amount", "1.5", "c.fees.other", "1", "c.fees.amount_total", "3"));

        List<Finding> findings = figures.check();

        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals("c.total", f.rule());
        assertEquals(new BigDecimal("3.0000"), f.actual());
        assertEquals(new BigDecimal("2.5000"), f.expected());
    }

    @Test
    void anAmountLimitRuleIsReadWithItsBoundAndItsItemCount() {
        Template t = read(RICH, RICH_RULES);

        List<Finding> oneItem = Figures.of(t, Map.of("c.fees.amount", "150", "c.fees.items", 1)).check();
        List<Finding> twoItems = Figures.of(t, Map.of("c.fees.amount", "150", "c.fees.items", 2)).check();

        assertEquals(List.of("c.limit"), oneItem.stream().map(Finding::rule).toList());
        assertEquals(Severity.WARNING, oneItem.get(0).severity());
        assertEquals(0, new BigDecimal("100").compareTo(oneItem.get(0).limit()));
        assertEquals(List.of(), twoItems);
    }

    @Test
    void aCrossYearRuleRunsOnlyAgainstThePreviousYear() {
        Template t = read(RICH, RICH_RULES);
        Figures previous = Figures.of(t, Map.of("c.fees.items", 10, "c.fees.change", -2));
        Figures current = Figures.of(t, Map.of("c.fees.items", 9));

        assertEquals(List.of(), current.check());
        List<Finding> findings = current.checkAgainstPreviousYear(previous);
        assertEquals(List.of("c.follow_on"), findings.stream().map(Finding::rule).toList());
        assertEquals(new BigDecimal("1"), findings.get(0).difference());
    }

    @Test
    void aTotalNetsANegativeChangeAgainstItsOtherParts() {
        Template t = read(RICH, RICH_RULES);

        Figures figures = Figures.of(t, Map.of("c.fees.items", 10, "c.fees.change", "减少2"));

        assertEquals(new BigDecimal("8"), figures.value("c.fees.net").orElseThrow());
        assertTrue(figures.isDerived("c.fees.net"));
    }

    @Test
    void aConsolidatedTotalOfDeclaredCellsIsComputedFromTheDeclaration() {
        Template t = read(RICH, RICH_RULES);
        Hierarchy h = Hierarchy.builder().add("county", null).add("town", "county").build();
        Figures declared = Figures.of(t, Map.of("c.fees.items", 10, "c.fees.change", -2));

        Figures totals = Consolidator.consolidate(t, h, Map.of("town", Figures.blank(t)), Map.of("county", declared))
                .unit("county").orElseThrow().totals();

        // The town has no items, so no net of its own to add: the county's net comes from what it declared.
        assertEquals(new BigDecimal("8"), totals.value("c.fees.net").orElseThrow());
    }

    @Test
    void aSignedCountMustBeDeclared() {
        String template = RICH.replace("\"kind\": \"signed_count\", \"consolidation\": \"declared\"",
                "\"kind\": \"signed_count\"");
        String message = assertThrows(TemplateDefinitionException.class, () -> read(template, RICH_RULES)).getMessage();
        assertEquals("t.template.json: cell c.fees.change is a signed count, which cannot be summed or derived: declare it",
                message);
    }

    @Test
    void malformedJsonIsNamedWithItsLine() {
        // "tables" is on line 2 of the template; two more line breaks put the stray colon on line 4.
        String message = failure(TEMPLATE.replace("\"tables\"", "\n\n\"tables\":"), RULES);
        assertTrue(message.startsWith("t.template.json: malformed JSON: "), message);
        assertTrue(message.endsWith(" at line 4"), message);
    }

    @Test
    void aFileThatIsNotAJsonObjectIsRefused() {
        assertEquals("t.template.json: expected a JSON object", failure("[]", RULES));
        assertEquals("t.rules.json: expected a JSON object", failure(TEMPLATE, ""));
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
