package org.opengovinfo.service.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RepresentationTest {

    private static final Representation[] OFFERED = {Representation.JSON, Representation.CSV, Representation.SDMX};

    private static Representation choose(String format, String accept) {
        return Representation.choose(format, accept, OFFERED);
    }

    @Test
    void withoutFormatOrAcceptTheFirstOfferedIsAnswered() {
        assertEquals(Representation.JSON, choose(null, null));
        assertEquals(Representation.JSON, choose(null, " "));
        assertEquals(Representation.JSON, choose(null, "*/*"));
    }

    @Test
    void formatWinsOverAccept() {
        assertEquals(Representation.CSV, choose("csv", "application/json"));
        assertEquals(Representation.SDMX, choose("sdmx", null));
    }

    @Test
    void anUnknownFormatIsABadRequestNamingWhatIsOffered() {
        ProblemException e = assertThrows(ProblemException.class, () -> choose("xml", null));
        assertEquals(ErrorCode.REQUEST_UNKNOWN_FORMAT, e.error());
        assertEquals("format must be one of: json, csv, sdmx.", e.detail());
    }

    @Test
    void acceptIsReadByQualityThenByTheOrderOffered() {
        assertEquals(Representation.CSV, choose(null, "text/csv"));
        assertEquals(Representation.CSV, choose(null, "text/csv; charset=UTF-8"));
        assertEquals(Representation.JSON, choose(null, "text/csv;q=0.5, application/json"));
        assertEquals(Representation.CSV, choose(null, "application/json;q=0.2, text/*;q=0.8"));
        assertEquals(Representation.SDMX, choose(null, "application/vnd.sdmx.data+csv;version=1.0.0"));
        // application/* takes JSON before SDMX, in the order offered
        assertEquals(Representation.JSON, choose(null, "application/*"));
    }

    @Test
    void aTypeRefusedWithQualityZeroIsNotAnsweredEvenUnderAWildcard() {
        assertEquals(Representation.CSV, choose(null, "application/json;q=0, */*"));
        assertEquals(Representation.CSV, choose(null, "application/json;q=0, application/vnd.sdmx.data+csv;q=0, */*;q=0.1"));
    }

    @Test
    void nothingAcceptableIsNotAcceptable() {
        assertEquals(ErrorCode.REQUEST_NOT_ACCEPTABLE,
                assertThrows(ProblemException.class, () -> choose(null, "application/xml")).error());
        assertEquals(ErrorCode.REQUEST_NOT_ACCEPTABLE,
                assertThrows(ProblemException.class, () -> choose(null, "*/*;q=0")).error());
        // an unreadable quality counts as "not wanted" rather than as a silent 1
        assertEquals(ErrorCode.REQUEST_NOT_ACCEPTABLE,
                assertThrows(ProblemException.class, () -> choose(null, "text/csv;q=high")).error());
    }
}
