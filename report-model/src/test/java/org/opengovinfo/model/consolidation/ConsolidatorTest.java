package org.opengovinfo.model.consolidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.sample.SampleFigures;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.RandomTrees;
import org.opengovinfo.model.testing.ReportSplitter;

class ConsolidatorTest {

    private static final Template T2019 = Templates.bundled().byId("2019").orElseThrow();
    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    /** 罗庄区 with its own office, two streets and a department. */
    private static Hierarchy county() {
        return Hierarchy.builder()
                .add("luozhuang", null)
                .add("luozhuang-office", "luozhuang")
                .add("luozhuang-street-a", "luozhuang")
                .add("luozhuang-street-b", "luozhuang")
                .add("luozhuang-education", "luozhuang")
                .build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void luozhuangSplitAtRandomIntoItsUnitsRollsUpToThePublishedTables(int seed) {
        PublishedReport published = PublishedReport.luozhuang2020();
        Figures whole = published.figures();
        Random random = new Random(seed);
        List<Figures> parts = ReportSplitter.split(whole, 4, random);
        List<String> units = List.of("luozhuang-office", "luozhuang-street-a", "luozhuang-street-b", "luozhuang-education");
        Map<String, Figures> own = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(), parts.get(i).check(), "each part is consistent on its own");
            own.put(units.get(i), parts.get(i));
        }
        Map<String, Object> declaredCells = new HashMap<>();
        for (int i : T2019.declaredCells().stream().toArray()) {
            declaredCells.put(T2019.cell(i).code(), published.cells().get(T2019.cell(i).code()));
        }

        ConsolidatedUnit county = Consolidator.consolidate(T2019, county(), own,
                        Map.of("luozhuang", Figures.of(T2019, declaredCells)))
                .unit("luozhuang").orElseThrow();

        assertEquals(whole.toMap(), county.totals().toMap());
        assertEquals(List.of(), county.findings());
        assertEquals(5, county.unitsInSubtree());
        assertEquals(4, county.unitsReported());
    }

    @Test
    void ownFiguresOfAConsolidatingUnitAreAddedToItsChildren() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("town", "county").build();
        Figures office = Figures.of(T2021, Map.of("s2_5.licensing.decisions", 10, "s2_8.fees.amount", "1.5"));
        Figures town = Figures.of(T2021, Map.of("s2_5.licensing.decisions", 5, "s2_8.fees.amount", "0.0001"));

        Figures totals = Consolidator.consolidate(T2021, h, Map.of("county", office, "town", town), Map.of())
                .unit("county").orElseThrow().totals();

        assertEquals(new BigDecimal("15"), totals.value("s2_5.licensing.decisions").orElseThrow());
        assertEquals(new BigDecimal("1.5001"), totals.value("s2_8.fees.amount").orElseThrow());
        assertTrue(totals.isBlank("s2_6.penalty.decisions"), "blank everywhere stays blank");
    }

    @Test
    void declaredCatalogCountsAreTakenFromTheConsolidatingUnitAndNeverSummed() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();
        Figures a = Figures.of(T2019, Map.of("s2_5.licensing.previous_items", 100, "s2_5.licensing.change", "增加3"));
        Figures b = Figures.of(T2019, Map.of("s2_5.licensing.previous_items", 90, "s2_5.licensing.change", "减少2"));

        Figures withoutDeclaration = Consolidator.consolidate(T2019, h, Map.of("a", a, "b", b), Map.of())
                .unit("county").orElseThrow().totals();
        Figures declared = Consolidator.consolidate(T2019, h, Map.of("a", a, "b", b), Map.of("county",
                        Figures.of(T2019, Map.of("s2_5.licensing.previous_items", 150, "s2_5.licensing.change", 1))))
                .unit("county").orElseThrow().totals();

        assertTrue(withoutDeclaration.isBlank("s2_5.licensing.previous_items"));
        assertTrue(withoutDeclaration.isBlank("s2_5.licensing.change"));
        assertEquals(new BigDecimal("150"), declared.value("s2_5.licensing.previous_items").orElseThrow());
        assertEquals(new BigDecimal("1"), declared.value("s2_5.licensing.change").orElseThrow());
    }

    @Test
    void aDeclaredCountBelowAChildsIsAWarningNamingTheChild() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").build();
        Figures a = Figures.of(T2019, Map.of("s2_6.penalty.previous_items", 300));

        List<Finding> findings = Consolidator.consolidate(T2019, h, Map.of("a", a),
                        Map.of("county", Figures.of(T2019, Map.of("s2_6.penalty.previous_items", 250))))
                .unit("county").orElseThrow().findings();

        assertEquals(1, findings.size());
        Finding warning = findings.get(0);
        assertEquals("consolidation.declared_below_child", warning.rule());
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(List.of("s2_6.penalty.previous_items"), warning.cells());
        assertEquals(new BigDecimal("-50"), warning.difference());
        assertTrue(warning.message().en().contains("unit a"), warning.message().en());
    }

    @Test
    void declaredTotalsThatDisagreeWithTheComputedOnesAreShownNotUsed() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").build();
        Figures a = Figures.of(T2021, Map.of("s2_6.penalty.decisions", 40));

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, Map.of("a", a),
                        Map.of("county", Figures.of(T2021, Map.of("s2_6.penalty.decisions", 42))))
                .unit("county").orElseThrow();

        assertEquals(new BigDecimal("40"), county.totals().value("s2_6.penalty.decisions").orElseThrow());
        Finding differs = county.findings().get(0);
        assertEquals("consolidation.declared_differs", differs.rule());
        assertEquals(new BigDecimal("42"), differs.actual());
        assertEquals(new BigDecimal("40"), differs.expected());
    }

    @Test
    void aSumBeyondLongIsReportedAsAnErrorAndLeftBlankNeverWrapped() {
        Hierarchy h = Hierarchy.builder().add("city", null).add("county", "city").add("a", "county").add("b", "county").build();
        Figures huge = Figures.of(T2021, Map.of("s2_5.licensing.decisions", Long.MAX_VALUE / 2 + 1, "s2_6.penalty.decisions", 1));

        Consolidation c = Consolidator.consolidate(T2021, h, Map.of("a", huge, "b", huge), Map.of());

        for (String unit : List.of("county", "city")) {
            ConsolidatedUnit u = c.unit(unit).orElseThrow();
            assertTrue(u.totals().isBlank("s2_5.licensing.decisions"), unit);
            assertEquals(new BigDecimal("2"), u.totals().value("s2_6.penalty.decisions").orElseThrow());
            assertEquals(List.of("consolidation.overflow"), u.findings().stream().map(Finding::rule).toList());
            assertEquals(List.of("s2_5.licensing.decisions"), u.findings().get(0).cells());
            assertTrue(u.hasErrors());
        }
    }

    @Test
    void aCountyWithAMissingTownStillRollsUpAndCountsTheGap() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();
        Figures a = Figures.of(T2021, Map.of("s4.reconsideration.upheld", 1));

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, Map.of("a", a), Map.of()).unit("county").orElseThrow();

        assertEquals(3, county.unitsInSubtree());
        assertEquals(1, county.unitsReported());
        assertEquals(new BigDecimal("1"), county.totals().value("s4.reconsideration.total").orElseThrow());
    }

    @Test
    void nobodyReportingGivesBlankTotalsWithoutFindings() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").build();

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, Map.of(), Map.of()).unit("county").orElseThrow();

        assertEquals(0, county.totals().filledCount());
        assertEquals(List.of(), county.findings());
        assertEquals(0, county.unitsReported());
    }

    @ParameterizedTest(name = "template {0}")
    @ValueSource(strings = {"2019", "2021", "legacy"})
    void consistentFiguresRollUpIntoConsistentTotalsAtEveryLevel(String templateId) {
        Template template = Templates.bundled().byId(templateId).orElseThrow();
        Random random = new Random(templateId.hashCode());
        Hierarchy h = RandomTrees.forest(random, 800, 4);
        SampleFigures generator = new SampleFigures(template, random, 0.5);
        Figures[] own = new Figures[h.size()];
        for (int u = 0; u < h.size(); u++) {
            own[u] = generator.next();
            assertEquals(List.of(), own[u].check());
        }

        Consolidation c = Consolidator.consolidate(template, h, own, new Figures[h.size()]);

        assertFalse(c.units().isEmpty());
        for (ConsolidatedUnit u : c.units()) {
            assertEquals(List.of(), u.findings(), u.unit());
        }
    }

    @Test
    void figuresOfAnotherTemplateOrUnitAreRefused() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").build();
        Figures old = Figures.of(T2019, Map.of());

        assertThrows(IllegalArgumentException.class,
                () -> Consolidator.consolidate(T2021, h, Map.of("a", old), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Consolidator.consolidate(T2021, h, Map.of("stranger", Figures.blank(T2021)), Map.of()));
    }

    @Test
    void aConsolidatedTotalThatBreaksARuleYieldsAFindingOnTheTotals() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();
        // a's total is one too many; b reports new requests and no results, which is no claim about results.
        Figures a = Figures.of(T2021, Map.of("s4.reconsideration.upheld", 2, "s4.reconsideration.total", 3));
        Figures b = Figures.of(T2021, Map.of("s4.reconsideration.upheld", 1, "s3.new.natural_person", 5));

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, Map.of("a", a, "b", b), Map.of())
                .unit("county").orElseThrow();

        assertEquals(1, county.findings().size(), county.findings()::toString);
        Finding broken = county.findings().get(0);
        assertEquals("s4.total", broken.rule());
        assertEquals("s4.reconsideration.total", broken.cells().get(0));
        assertEquals(new BigDecimal("4"), broken.actual());
        assertEquals(new BigDecimal("3"), broken.expected());
        assertTrue(county.hasErrors());
    }

    @Test
    void aRuleTouchingAnOverflowedSumIsNotEvaluated() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();
        long half = Long.MAX_VALUE / 2 + 1;
        Figures a = Figures.of(T2021, Map.of("s4.reconsideration.upheld", half, "s4.reconsideration.corrected", 1,
                "s4.reconsideration.total", 5));
        Figures b = Figures.of(T2021, Map.of("s4.reconsideration.upheld", half, "s4.reconsideration.total", 5));

        ConsolidatedUnit county = Consolidator.consolidate(T2021, h, Map.of("a", a, "b", b), Map.of())
                .unit("county").orElseThrow();

        // Without the overflowed upheld, 10 would be checked against corrected alone and called wrong.
        assertEquals(List.of("consolidation.overflow"), county.findings().stream().map(Finding::rule).toList());
        assertEquals(new BigDecimal("10"), county.totals().value("s4.reconsideration.total").orElseThrow());
    }

    @Test
    void anOverflowedTotalStaysBlankRatherThanRecomputedFromItsParts() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();
        Figures unit = Figures.of(T2021, Map.of("s4.reconsideration.upheld", 1, "s4.reconsideration.total", Long.MAX_VALUE));

        Figures totals = Consolidator.consolidate(T2021, h, Map.of("a", unit, "b", unit), Map.of())
                .unit("county").orElseThrow().totals();

        assertTrue(totals.isBlank("s4.reconsideration.total"));
        assertEquals(new BigDecimal("2"), totals.value("s4.reconsideration.upheld").orElseThrow());
    }

    @Test
    void aPlausibilityLimitOnConsolidatedTotalsGrowsWithTheUnitsThatReported() {
        Hierarchy h = Hierarchy.builder().add("county", null).add("a", "county").add("b", "county").build();
        Figures large = Figures.of(T2021, Map.of("s2_8.fees.amount", "1500000"));

        ConsolidatedUnit alone = Consolidator.consolidate(T2021, h, Map.of("a", large), Map.of())
                .unit("county").orElseThrow();
        ConsolidatedUnit withB = Consolidator.consolidate(T2021, h, Map.of("a", large, "b", Figures.blank(T2021)), Map.of())
                .unit("county").orElseThrow();

        assertEquals(List.of("s2_8.fees.plausible_amount"), alone.findings().stream().map(Finding::rule).toList());
        assertFalse(alone.hasErrors(), "a warning is no error");
        assertEquals(List.of(), withB.findings());
    }

    @Test
    void consolidatedUnitsComeParentsFirst() {
        Hierarchy h = Hierarchy.builder()
                .add("town", "county").add("county", "city").add("city", null).add("office", "town").build();

        Consolidation c = Consolidator.consolidate(T2021, h, Map.of(), Map.of());

        assertEquals(List.of("city", "county", "town"), c.units().stream().map(ConsolidatedUnit::unit).toList());
        assertEquals(T2021, c.template());
    }
}
