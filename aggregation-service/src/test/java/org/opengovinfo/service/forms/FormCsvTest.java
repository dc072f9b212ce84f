package org.opengovinfo.service.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.system.ProblemException;

/** The CSV form read without a service: codes in place of labels, short labels, what is refused. */
class FormCsvTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    private static FilledForm read(String csv) {
        return FormCsv.read(csv.getBytes(StandardCharsets.UTF_8), T2021, PrintedLayout.of(T2021), h -> { });
    }

    @Test
    void theCodeBasedFormOfEarlierVersionsStillReads() {
        FilledForm form = read("unit,a1\r\nyear,2021\r\ns2_6,decisions\r\npenalty,3\r\n\r\ns3,natural_person,business,label\r\n"
                + "new,5,,一、本年新收\r\n");

        assertEquals(Map.of("s2_6.penalty.decisions", "3", "s3.new.natural_person", "5"), form.figures());
        assertEquals("a1", form.unit());
        assertEquals(2021, form.year());
    }

    @Test
    void aRowOrColumnThatNamesNothingIsRefusedNamingTheLine() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("s3,natural_person\r\nnew,1\r\nnewest,2\r\n"));
        assertEquals("form.unknown_label", e.code());
        assertEquals("CSV line 3: 'newest' names nothing in format 2021 (expected the label or code of a row).", e.detail());
    }
}
