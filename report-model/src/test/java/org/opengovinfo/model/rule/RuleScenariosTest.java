package org.opengovinfo.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/** How rule findings read for situations clerks actually get into. */
class RuleScenariosTest {

    private static List<List<Object>> summary(List<Finding> findings) {
        return findings.stream()
                .map(f -> List.<Object>of(f.rule(), f.cells().get(0), f.difference()))
                .toList();
    }

    @Test
    void aMisaddedResultsTotalIsReportedByEveryRuleItBreaksWithColumnAndDifference() {
        PublishedReport luozhuang = PublishedReport.luozhuang2020();
        Map<String, Object> cells = new LinkedHashMap<>(luozhuang.cells());
        cells.put("s3.results_total.natural_person", 77);

        List<Finding> findings = Figures.of(luozhuang.template(), cells).check();

        assertEquals(List.of(
                        List.of("s3.balance", "s3.results_total.natural_person", new BigDecimal("1")),
                        List.of("s3.results_total", "s3.results_total.natural_person", new BigDecimal("1")),
                        List.of("s3.applicant_total", "s3.results_total.total", new BigDecimal("-1"))),
                summary(findings));
    }

    @Test
    void aSectionLeftWhollyBlankIsNotCheckedAsIfItReportedNoCases() {
        PublishedReport linzi = PublishedReport.linzi2021();
        Map<String, Object> cells = new LinkedHashMap<>(linzi.cells());
        cells.keySet().removeIf(code -> code.startsWith("s4."));

        Figures figures = Figures.of(linzi.template(), cells);

        assertEquals(List.of(), figures.check());
        assertEquals(true, figures.isBlank("s4.reconsideration.total"));
    }

    @Test
    void aTotalFilledWithPartlyBlankPartsIsCheckedAgainstTheFilledParts() {
        Template t = Templates.bundled().byId("2021").orElseThrow();
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s4.reconsideration.upheld", 2);
        cells.put("s4.reconsideration.total", 3);

        List<Finding> findings = Figures.of(t, cells).check();

        assertEquals(List.of(List.of("s4.total", "s4.reconsideration.total", new BigDecimal("1"))), summary(findings));
        assertEquals(new BigDecimal("3"), findings.get(0).actual());
        assertEquals(new BigDecimal("2"), findings.get(0).expected());
    }

    @Test
    void procurementTypedInYuanIsAWarningScaledByTheNumberOfProjects() {
        PublishedReport luozhuang = PublishedReport.luozhuang2020();
        Map<String, Object> cells = new LinkedHashMap<>(luozhuang.cells());
        cells.put("s2_9.central_procurement.amount", "638000000");

        List<Finding> findings = Figures.of(luozhuang.template(), cells).check();

        assertEquals(1, findings.size());
        Finding warning = findings.get(0);
        assertEquals("s2_9.central_procurement.plausible_amount", warning.rule());
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(List.of("s2_9.central_procurement.amount", "s2_9.central_procurement.projects"), warning.cells());
        assertEquals(0, new BigDecimal("9980000").compareTo(warning.limit()), "10,000 万元 × 998 projects");
        assertEquals(null, warning.expected(), "a limit is not the value the cell should have");
        assertEquals(new BigDecimal("638000000.0000"), warning.actual());
    }

    @Test
    void aFeeLimitGrowsWithTheNumberOfReportingUnits() {
        Template t = Templates.bundled().byId("2021").orElseThrow();
        Figures fees = Figures.of(t, Map.of("s2_8.fees.amount", "1500000"));

        assertEquals(1, fees.check(RuleContext.SINGLE_UNIT).size());
        assertEquals(List.of(), fees.check(new RuleContext(2)));
    }

    @Test
    void legacyOfWhichAboveItsTotalAndChannelsBelowTheItemAreBothCaught() {
        PublishedReport sample = PublishedReport.legacySample2017();
        Map<String, Object> cells = new LinkedHashMap<>(sample.cells());
        cells.put("l2.press_conferences_leaders", 13);
        cells.put("l1.disclosed", 5031);

        List<Finding> findings = Figures.of(sample.template(), cells).check();

        assertEquals(List.of(
                        List.of("l1.channels", "l1.disclosed", new BigDecimal("1")),
                        List.of("l2.press_conference_leaders", "l2.press_conferences_leaders", new BigDecimal("1"))),
                summary(findings));
    }

    @Test
    void readingPointsThatDisagreeBetweenPartsTenAndTwelveAreCaught() {
        PublishedReport sample = PublishedReport.legacySample2017();
        Map<String, Object> cells = new LinkedHashMap<>(sample.cells());
        cells.put("l12.reading_points", 20);

        assertEquals(List.of(List.of("l12.reading_points", "l12.reading_points", new BigDecimal("-2"))),
                summary(Figures.of(sample.template(), cells).check()));
    }

    @Test
    void itemCountsFollowOnFrom2019To2020AndNotFromTheLegacyTable() {
        Template t2019 = Templates.bundled().forYear(2019).orElseThrow();
        Figures y2019 = Figures.of(t2019, Map.of("s2_5.licensing.previous_items", 180, "s2_5.licensing.change", "增加12"));
        Figures y2020 = Figures.of(t2019, Map.of("s2_5.licensing.previous_items", 190));

        List<Finding> findings = y2020.checkAgainstPreviousYear(y2019);

        assertEquals(List.of(List.of("s2_5.items_follow_on", "s2_5.licensing.previous_items", new BigDecimal("-2"))),
                summary(findings));
        assertEquals(List.of("s2_5.licensing.previous_items", "previous:s2_5.licensing.previous_items",
                "previous:s2_5.licensing.change"), findings.get(0).cells());
        assertEquals(List.of(), y2019.checkAgainstPreviousYear(PublishedReport.legacySample2017().figures()));
    }
}
