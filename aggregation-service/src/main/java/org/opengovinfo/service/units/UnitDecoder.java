package org.opengovinfo.service.units;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a client's {@link UnitInput} into a valid {@link Unit}, or lists every problem with it. */
final class UnitDecoder {

    static final int FIRST_YEAR = 2008;
    static final int LAST_YEAR = 2100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}|\\d{12}");

    private UnitDecoder() {}

    /** The unit, or {@code null} with the reasons added to {@code problems}. */
    static Unit decode(UnitInput in, List<UnitProblem> problems) {
        int before = problems.size();
        String id = in.id();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new UnitProblem(id, "unit.invalid_id",
                    "id must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            problems.add(new UnitProblem(id, "unit.invalid_name", "name must be 1–200 characters"));
        }
        UnitKind kind = in.kind() == null ? null : UnitKind.parse(in.kind()).orElse(null);
        if (kind == null) {
            problems.add(new UnitProblem(id, "unit.unknown_kind", "kind must be one of " + kindCodes()));
        }
        if (in.divisionCode() != null && !DIVISION_CODE.matcher(in.divisionCode()).matches()) {
            problems.add(new UnitProblem(id, "unit.invalid_division_code", "divisionCode must be 6 or 12 digits"));
        }
        YearSpan years = span(id, in.fromYear(), in.toYear(), "", problems);
        List<Placement> placements = years == null ? List.of() : placements(id, in, years, problems);
        return problems.size() == before ? new Unit(id, in.name(), kind, in.divisionCode(), years, placements) : null;
    }

    private static List<Placement> placements(String id, UnitInput in, YearSpan years, List<UnitProblem> problems) {
        if (in.placements() == null || in.placements().isEmpty()) {
            return List.of(new Placement(years, in.parent()));
        }
        if (in.parent() != null) {
            problems.add(new UnitProblem(id, "unit.parent_and_placements", "give either parent or placements, not both"));
            return List.of();
        }
        List<Placement> placements = new ArrayList<>();
        Integer expectedFrom = years.from();
        for (UnitInput.PlacementInput p : in.placements()) {
            YearSpan span = span(id, p.fromYear(), p.toYear(), "placement ", problems);
            if (span == null) {
                return List.of();
            }
            if (expectedFrom == null || span.from() != expectedFrom) {
                problems.add(new UnitProblem(id, "unit.placements_do_not_cover",
                        "placements must follow each other without gap or overlap from " + years.from()
                                + "; the one starting " + span.from() + " does not"));
                return List.of();
            }
            placements.add(new Placement(span, p.parent()));
            expectedFrom = span.to() == null ? null : span.to() + 1;
        }
        YearSpan last = placements.get(placements.size() - 1).years();
        if (last.to() == null ? years.to() != null : !last.to().equals(years.to())) {
            problems.add(new UnitProblem(id, "unit.placements_do_not_cover",
                    "placements must end where the unit's years end (" + years + ")"));
        }
        return placements;
    }

    private static YearSpan span(String id, Integer from, Integer to, String what, List<UnitProblem> problems) {
        if (from == null || from < FIRST_YEAR || from > LAST_YEAR || to != null && (to < from || to > LAST_YEAR)) {
            problems.add(new UnitProblem(id, "unit.invalid_years", what + "fromYear must be " + FIRST_YEAR + "–" + LAST_YEAR
                    + " and toYear, if given, no earlier than fromYear and at most " + LAST_YEAR));
            return null;
        }
        return new YearSpan(from, to);
    }

    private static List<String> kindCodes() {
        return Arrays.stream(UnitKind.values()).map(UnitKind::code).toList();
    }
}
