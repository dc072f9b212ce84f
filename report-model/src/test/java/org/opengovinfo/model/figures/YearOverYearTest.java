package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Outlier;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/** Year-over-year outliers: warnings carrying both years and the thresholds that judged them. */
class YearOverYearTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    private static List<String> cells(List<Finding> findings) {
        return findings.stream().map(f -> f.cells().get(0)).toList();
    }

    @Test
    void moreThanTenfoldEitherWayAndFromOrToZeroPastTheMinimumAreWarnings() {
        Figures last = Figures.of(T2021, Map.of("s3.new.natural_person", 10, "s3.new.business", 10,
                "s3.new.research", 0, "s3.new.nonprofit", 0, "s3.new.legal_service", 150, "s3.new.other_org", 101));
        Figures now = Figures.of(T2021, Map.of("s3.new.natural_person", 100, "s3.new.business", 101,
                "s3.new.research", 99, "s3.new.nonprofit", 100, "s3.new.legal_service", 0, "s3.new.other_org", 10));

        List<Finding> findings = YearOverYear.outliers(now, last, OutlierSettings.DEFAULT);

        // 10 → 100 is exactly tenfold, not more; 0 → 99 stays under the minimum; 101 → 10 is more than tenfold down.
        assertEquals(List.of("s3.new.business", "s3.new.nonprofit", "s3.new.legal_service", "s3.new.other_org"), cells(findings));
        Finding business = findings.get(0);
        assertEquals(YearOverYear.OUTLIER, business.rule());
        assertEquals(Severity.WARNING, business.severity());
        assertEquals(List.of("s3.new.business", "previous:s3.new.business"), business.cells());
        assertEquals(new Outlier(new BigDecimal("10"), new BigDecimal("101"), BigDecimal.TEN, new BigDecimal("100")),
                business.outlier());
        assertEquals("一、本年新收政府信息公开申请数量 / 申请人情况 法人或其他组织 商业企业：本年 101，上年 10，变化超过 10 倍或由零变为 100 以上（或反之），请核实",
                business.message().zh());
    }

    @Test
    void theThresholdsAreSettingsAndTotalsAndBlanksAreNotCompared() {
        Figures last = Figures.of(T2021, Map.of("s4.reconsideration.upheld", 2, "s2_8.fees.amount", "1.5"));
        Figures now = Figures.of(T2021, Map.of("s4.reconsideration.upheld", 9, "s2_8.fees.amount", "4.5001",
                "s4.reconsideration.corrected", 500));

        assertEquals(List.of(), YearOverYear.outliers(now, last, OutlierSettings.DEFAULT), "total s4 moves too, but is derived");
        assertEquals(List.of("s2_8.fees.amount", "s4.reconsideration.upheld"),
                cells(YearOverYear.outliers(now, last, new OutlierSettings(new BigDecimal("3"), BigDecimal.ONE))),
                "exact: 4.5001 万元 is more than 3 × 1.5");
    }

    @Test
    void aYearUnderTheFormerFormatIsComparedCellByCellByCode() {
        Figures linzi2021 = PublishedReport.linzi2021().figures();
        Figures luozhuang2020 = PublishedReport.luozhuang2020().figures();

        List<Finding> findings = YearOverYear.outliers(linzi2021, luozhuang2020, OutlierSettings.DEFAULT);

        // Two districts, so some cells jump; every finding names a cell both formats have and both values.
        for (Finding f : findings) {
            assertEquals(f.outlier().current(), linzi2021.value(f.cells().get(0)).orElseThrow());
            assertEquals(f.outlier().previous(), luozhuang2020.value(f.cells().get(0)).orElseThrow());
        }
        assertEquals(List.of(), YearOverYear.outliers(linzi2021, linzi2021, OutlierSettings.DEFAULT));
    }
}
