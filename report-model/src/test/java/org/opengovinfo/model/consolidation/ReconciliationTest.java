package org.opengovinfo.model.consolidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Contribution;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Scope;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;

/** A compiled (declared) table is checked like any submission and reconciled, cell by cell, against its units. */
class ReconciliationTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    private static Map<String, Object> reconsideration(int upheld, int corrected, int other, int pending, Integer total) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s4.reconsideration.upheld", upheld);
        cells.put("s4.reconsideration.corrected", corrected);
        cells.put("s4.reconsideration.other", other);
        cells.put("s4.reconsideration.pending", pending);
        if (total != null) {
            cells.put("s4.reconsideration.total", total);
        }
        return cells;
    }

    @Test
    void aDeclaredReconsiderationTotalOf77OverParts76IsARuleErrorOnTheDeclarationAndADifferenceFromTheUnits() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("town-a", "county").add("town-b", "county")
                .add("dept-c", "county").add("dept-d", "county").build();
        Map<String, Figures> own = Map.of(
                "town-a", Figures.of(T2021, reconsideration(30, 10, 6, 0, 46)),
                "town-b", Figures.of(T2021, reconsideration(10, 5, 0, 0, 15)),
                "dept-c", Figures.of(T2021, reconsideration(8, 2, 0, 0, 10)),
                "dept-d", Figures.of(T2021, reconsideration(2, 3, 0, 0, 5)));
        Figures declared = Figures.of(T2021, reconsideration(50, 20, 6, 0, 77));

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, own, Map.of("county", declared))
                .unit("county").orElseThrow();

        // The declaration breaks its own rule: 77 ≠ 50 + 20 + 6 + 0. Nothing tells which cell is wrong.
        assertEquals(1, county.declaredFindings().size(), county.declaredFindings()::toString);
        Finding rule = county.declaredFindings().get(0);
        assertEquals("s4.total", rule.rule());
        assertEquals(Severity.ERROR, rule.severity());
        assertEquals("reconsideration", rule.scope().code());
        assertEquals(List.of(new BigDecimal("77"), new BigDecimal("76")), List.of(rule.actual(), rule.expected()));
        // Reconciled: only the total differs from the units' sum, which the consolidation keeps.
        assertEquals(new BigDecimal("76"), county.totals().value("s4.reconsideration.total").orElseThrow());
        assertEquals(1, county.findings().size(), county.findings()::toString);
        Finding differs = county.findings().get(0);
        assertEquals("consolidation.declared_differs", differs.rule());
        assertEquals(List.of("s4.reconsideration.total"), differs.cells());
        assertEquals(List.of("行政复议 / 总计"), differs.labels());
        assertEquals(List.of(new BigDecimal("77"), new BigDecimal("76"), new BigDecimal("1")),
                List.of(differs.actual(), differs.expected(), differs.difference()));
        assertEquals(List.of(new Contribution("town-a", new BigDecimal("46")), new Contribution("town-b", new BigDecimal("15")),
                new Contribution("dept-c", new BigDecimal("10"))), differs.contributors());
        assertEquals("行政复议 / 总计：声明的汇总数 77 与下级合计 76 相差 1；贡献最多的单位：town-a 46、town-b 15、dept-c 10",
                differs.message().zh());
        // Side by side for the service.
        DeclaredAndComputed total = county.declaredAndComputed().stream()
                .filter(r -> r.cell().equals("s4.reconsideration.total")).findFirst().orElseThrow();
        assertEquals(new DeclaredAndComputed("s4.reconsideration.total", "行政复议 / 总计", new BigDecimal("77"),
                new BigDecimal("76"), new BigDecimal("1")), total);
        assertEquals(5, county.declaredAndComputed().size());
    }

    @Test
    void aDeclaredCityTableOverACountyThatHasNotReportedShowsEveryDeclaredValueTheUnitsDoNotBackUp() {
        Hierarchy h = Hierarchy.builder().add("city", null).add("county", "city").add("town", "county").build();
        PublishedReport linzi = PublishedReport.linzi2021();

        ConsolidatedUnit city = Consolidator.consolidate(T2021, h, Map.of(), Map.of("city", linzi.figures()))
                .unit("city").orElseThrow();

        assertEquals(List.of(), city.declaredFindings(), "the declared table is consistent in itself");
        assertEquals(0, city.unitsReported());
        assertTrue(city.totals().isEmpty(), "nothing was reported below, so nothing is computed");
        assertEquals(linzi.cells().size(), city.findings().size(), "every declared value, none vanishing");
        Finding first = city.findings().stream()
                .filter(f -> f.cells().equals(List.of("s3.new.natural_person"))).findFirst().orElseThrow();
        assertEquals("consolidation.declared_differs", first.rule());
        assertEquals(new BigDecimal("148"), first.actual());
        assertNull(first.expected());
        assertNull(first.difference());
        assertEquals(List.of(), first.contributors());
        assertEquals(List.of("一、本年新收政府信息公开申请数量 / 申请人情况 自然人"), first.labels());
        assertTrue(first.message().zh().endsWith("声明的汇总数为 148，但下级单位均未填报此项，汇总结果为空"), first.message().zh());
        DeclaredAndComputed row = city.declaredAndComputed().get(0);
        assertNull(row.computed());
        assertNull(row.difference());
    }

    @Test
    void thePublishedReportsAsOwnFiguresAsDeclaredTablesAndThroughARollupNeedNothingFixed() {
        for (PublishedReport report : List.of(PublishedReport.luozhuang2020(), PublishedReport.linzi2021())) {
            Figures whole = report.figures();
            List<Figures> parts = ReportSplitter.split(whole, 3, new Random(11));
            Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").add("c", "county").build();
            Map<String, Figures> own = new HashMap<>(Map.of("a", parts.get(0), "b", parts.get(1), "c", parts.get(2)));

            ConsolidatedUnit county = Consolidator.consolidate(report.template(), h, own, Map.of("county", whole))
                    .unit("county").orElseThrow();

            assertEquals(List.of(), whole.validate(), report.unit());
            assertEquals(List.of(), county.declaredFindings(), report.unit());
            assertEquals(List.of(), county.findings(), report.unit());
            assertEquals(whole.toMap(), county.totals().toMap(), report.unit());
            assertTrue(county.declaredAndComputed().stream().allMatch(r -> r.difference() == null
                    || r.difference().signum() == 0), report.unit());
        }
    }

    @Test
    void aDeclaredValueBelowASingleChildsIsAWarningNamingTheChildAndTheCell() {
        Template t2019 = Templates.bundled().byId("2019").orElseThrow();
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").build();

        List<Finding> findings = Consolidator.consolidate(t2019, h,
                        Map.of("a", Figures.of(t2019, Map.of("s2_6.penalty.previous_items", 300))),
                        Map.of("county", Figures.of(t2019, Map.of("s2_6.penalty.previous_items", 250))))
                .unit("county").orElseThrow().findings();

        assertEquals(1, findings.size());
        assertEquals("consolidation.declared_below_child", findings.get(0).rule());
        assertEquals(List.of("行政处罚 / 上一年项目数量"), findings.get(0).labels());
    }

    @Test
    void aDeclaredSumBelowOneChildAloneIsAlsoSaidWithThatChild() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();

        List<Finding> findings = Consolidator.consolidate(T2021, h,
                        Map.of("a", Figures.of(T2021, Map.of("s2_6.penalty.decisions", 40)),
                                "b", Figures.of(T2021, Map.of("s2_6.penalty.decisions", 3))),
                        Map.of("county", Figures.of(T2021, Map.of("s2_6.penalty.decisions", 30))))
                .unit("county").orElseThrow().findings();

        assertEquals(List.of("consolidation.declared_differs", "consolidation.declared_below_child"),
                findings.stream().map(Finding::rule).toList());
        assertEquals(List.of(new BigDecimal("30"), new BigDecimal("43")), List.of(findings.get(0).actual(), findings.get(0).expected()));
        Finding below = findings.get(1);
        assertEquals(List.of(new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("-10")),
                List.of(below.actual(), below.expected(), below.difference()));
        assertEquals(List.of("行政处罚 / 本年处理决定数量"), below.labels());
        assertTrue(below.message().en().contains("unit a alone, 40"), below.message().en());
    }

    @Test
    void aDeclaredTableIsCheckedWithCausesBeforeConsequences() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").build();
        PublishedReport linzi = PublishedReport.linzi2021();
        Map<String, Object> declared = new LinkedHashMap<>(linzi.cells());
        declared.put("s3.granted.natural_person", ((Number) declared.get("s3.granted.natural_person")).longValue() + 3);

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, Map.of("a", linzi.figures()),
                Map.of("county", Figures.of(T2021, declared))).unit("county").orElseThrow();

        assertEquals(List.of("s3.granted.natural_person"),
                county.declaredFindings().stream().filter(Finding::isError).map(Finding::cause).toList());
        assertEquals(List.of(List.of("s3.granted.natural_person")), county.findings().stream().map(Finding::cells).toList(),
                "the slipped cell differs from the unit's figures, nothing else");
        assertEquals(new BigDecimal("3"), county.findings().get(0).difference());
        assertEquals(Scope.Kind.COLUMN, county.declaredFindings().get(0).consequences().get(0).scope().kind());
    }
}
