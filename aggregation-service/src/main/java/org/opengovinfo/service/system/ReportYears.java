package org.opengovinfo.service.system;

/**
 * The report years the service keeps figures for: 2008, the first year of the national statistics table, to 2100.
 * A year in a path or query is four ASCII digits — full-width digits, signs and spaces are refused, not read.
 */
public final class ReportYears {

    public static final int FIRST = 2008;
    public static final int LAST = 2100;

    private ReportYears() {}

    /**
     * The year given as text.
     *
     * @throws ProblemException 422 {@code request.invalid_year} if it is not four ASCII digits, 422
     *     {@code year.unsupported} outside {@value #FIRST}–{@value #LAST}
     */
    public static int parse(String text) {
        if (text == null || text.length() != 4) {
            throw ErrorCode.REQUEST_INVALID_YEAR.problem(text == null ? "" : Redaction.clip(text));
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw ErrorCode.REQUEST_INVALID_YEAR.problem(Redaction.clip(text));
            }
            year = year * 10 + (c - '0');
        }
        return check(year);
    }

    /** The year, if supported. */
    public static int check(int year) {
        if (year < FIRST || year > LAST) {
            throw ErrorCode.YEAR_UNSUPPORTED.problem(year, FIRST, LAST);
        }
        return year;
    }
}
