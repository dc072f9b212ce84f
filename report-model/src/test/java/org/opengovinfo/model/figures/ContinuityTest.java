package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

class ContinuityTest {

    private static final Template T2021 = Templates.bundled().forYear(2021).orElseThrow();

    private static Figures documents(Integer issued, Integer repealed, Integer inForce) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("s2_1.normative_documents.issued", issued);
        cells.put("s2_1.normative_documents.repealed", repealed);
        cells.put("s2_1.normative_documents.in_force", inForce);
        cells.put("s2_1.regulations.issued", 0);
        cells.put("s2_1.regulations.repealed", 0);
        cells.put("s2_1.regulations.in_force", 3);
        return Figures.of(T2021, cells);
    }

    @Test
    void lastYearsStockPlusIssuedMinusRepealedIsThisYearsStock() {
        // 22 in force last year, 8 issued, 25 repealed: 5 in force now; 规章 3 → 3
        assertEquals(List.of(), Continuity.inForce(documents(8, 25, 5), documents(0, 0, 22)));
    }

    @Test
    void aBrokenChainIsOneWarningWithBothYearsValuesCellsAndLabels() {
        List<Finding> findings = Continuity.inForce(documents(8, 25, 22), documents(0, 0, 22));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(List.of(Continuity.IN_FORCE_RULE, Severity.WARNING), List.of(f.rule(), f.severity()));
        assertEquals(List.of("s2_1.normative_documents.in_force", "previous:s2_1.normative_documents.in_force",
                "s2_1.normative_documents.issued", "s2_1.normative_documents.repealed"), f.cells());
        assertEquals(List.of(new BigDecimal("22"), new BigDecimal("5"), new BigDecimal("17")),
                List.of(f.actual(), f.expected(), f.difference()));
        assertEquals(4, f.labels().size());
        assertEquals("上年 " + T2021.label("s2_1.normative_documents.in_force"), f.labels().get(1));
        assertEquals("行政规范性文件：上年现行有效件数 22 + 本年制发 8 − 本年废止 25 = 5，本年现行有效件数却为 22（相差 17）；"
                + "如上年数据有更正，请说明", f.message().zh());
        assertEquals("normative_documents: last year's 22 in force + 8 issued − 25 repealed this year = 5, but 22 are in "
                + "force this year (a difference of 17); if last year's count was corrected, say so", f.message().en());
    }

    @Test
    void nothingIsJudgedWithoutLastYearsStockOrOnBlanks() {
        // last year under the 2019 format counts another stock (对外公开总数量): not compared
        assertEquals(List.of(), Continuity.inForce(PublishedReport.linzi2021().figures(),
                PublishedReport.luozhuang2020().figures()));
        assertEquals(List.of(), Continuity.inForce(documents(8, 25, 22), Figures.blank(T2021)));
        assertEquals(List.of(), Continuity.inForce(documents(8, null, 22), documents(0, 0, 22)));
    }
}
