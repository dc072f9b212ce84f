package org.opengovinfo.service.units;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.opengovinfo.service.system.CleanText;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ReportYears;

/** Turns a client's {@link UnitInput} into a valid {@link Unit}, or lists every problem with it. */
final class UnitDecoder {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}|\\d{12}");

    private UnitDecoder() {}

    /** The unit, or {@code null} with the reasons added to {@code problems}. */
    static Unit decode(UnitInput in, Integer line, List<UnitProblem> problems) {
        int before = problems.size();
        String id = in.id();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_INVALID_ID, id == null || CleanText.isClean(id) ? id : null, line));
            id = id == null || CleanText.isClean(id) ? id : null;
        }
        String name = in.name();
        if (name == null || name.isBlank() || name.length() > 200 || !CleanText.isClean(name)) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_INVALID_NAME, id, line));
        }
        UnitKind kind = in.kind() == null ? null : UnitKind.parse(in.kind()).orElse(null);
        if (kind == null) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_UNKNOWN_KIND, id, line, kindCodes()));
        }
        if (in.divisionCode() != null && !DIVISION_CODE.matcher(in.divisionCode()).matches()) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_INVALID_DIVISION_CODE, id, line));
        }
        YearSpan years = span(id, line, in.fromYear(), in.toYear(), "", problems);
        List<Placement> placements = years == null ? List.of() : placements(id, line, in, years, problems);
        return problems.size() == before ? new Unit(id, name.strip(), kind, in.divisionCode(), years, placements) : null;
    }

    private static List<Placement> placements(String id, Integer line, UnitInput in, YearSpan years,
                                              List<UnitProblem> problems) {
        if (in.placements() == null || in.placements().isEmpty()) {
            return List.of(new Placement(years, in.parent()));
        }
        if (in.parent() != null) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_PARENT_AND_PLACEMENTS, id, line));
            return List.of();
        }
        List<Placement> placements = new ArrayList<>();
        Integer expectedFrom = years.from();
        for (UnitInput.PlacementInput p : in.placements()) {
            if (p == null) {
                problems.add(UnitProblem.of(ErrorCode.UNIT_INVALID_PLACEMENT, id, line));
                return List.of();
            }
            YearSpan span = span(id, line, p.fromYear(), p.toYear(), "placement ", problems);
            if (span == null) {
                return List.of();
            }
            if (expectedFrom == null || span.from() != expectedFrom) {
                problems.add(UnitProblem.of(ErrorCode.UNIT_PLACEMENTS_GAP, id, line, years.from(), span.from()));
                return List.of();
            }
            placements.add(new Placement(span, p.parent()));
            expectedFrom = span.to() == null ? null : span.to() + 1;
        }
        YearSpan last = placements.get(placements.size() - 1).years();
        if (last.to() == null ? years.to() != null : !last.to().equals(years.to())) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_PLACEMENTS_END, id, line, years));
        }
        return placements;
    }

    private static YearSpan span(String id, Integer line, Integer from, Integer to, String what,
                                 List<UnitProblem> problems) {
        if (from == null || from < ReportYears.FIRST || from > ReportYears.LAST
                || to != null && (to < from || to > ReportYears.LAST)) {
            problems.add(UnitProblem.of(ErrorCode.UNIT_INVALID_YEARS, id, line, what, ReportYears.FIRST, ReportYears.LAST));
            return null;
        }
        return new YearSpan(from, to);
    }

    private static String kindCodes() {
        return String.join(", ", Arrays.stream(UnitKind.values()).map(UnitKind::code).toList());
    }
}
