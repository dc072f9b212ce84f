package org.opengovinfo.service.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.opengovinfo.model.rule.Contribution;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Outlier;
import org.opengovinfo.model.rule.Scope;

/**
 * A finding as the API shows it: the rule or check, {@code error} or {@code warning}, every cell involved with its
 * printed label, the row or column it is about, the numbers, and the message in the reader's language
 * ({@code message}) and in both ({@code messageZh}, {@code messageEn}).
 *
 * @param labels the printed label of each cell, in the order of {@code cells} (empty when not known)
 * @param places for figures sent as a form (XLSX or CSV): where each cell of {@code cells} is in that form, in the
 *     same order ({@code 表三 D14 · 自然人 · （七）总计}; empty for a cell the form does not hold); {@code null} otherwise
 * @param scope the row, column or table a per-row or per-column rule instance (or a section check) is about
 * @param actual the left side as filled in, the typed value a cause blames, or a declared value
 * @param expected what the left side should be; {@code null} for a limit check (see {@code limit})
 * @param difference {@code actual - expected}, present exactly when both are
 * @param limit the bound a plausibility check compared {@code actual} with: a bound, not a correction
 * @param cause the typed cell this finding blames; the rules its value breaks are listed in {@code consequences}
 * @param contributors for a declared value that differs from the sum of the units: the units that contribute most
 * @param outlier for a year-over-year outlier: both years' values and the thresholds that judged them
 */
@Serdeable
public record FindingView(String rule, String severity, List<String> cells, List<String> labels,
                          @Nullable List<String> places, @Nullable ScopeView scope, @Nullable BigDecimal actual, @Nullable BigDecimal expected,
                          @Nullable BigDecimal difference, @Nullable BigDecimal limit, @Nullable String cause,
                          List<FindingView> consequences, List<ContributionView> contributors,
                          @Nullable OutlierView outlier, String message, String messageZh, String messageEn) {

    /** Findings stored by older versions lack the lists added since: read back, they are empty, not null. */
    public FindingView {
        cells = cells == null ? List.of() : cells;
        labels = labels == null ? List.of() : labels;
        consequences = consequences == null ? List.of() : consequences;
        contributors = contributors == null ? List.of() : contributors;
    }

    /** The row, column or table a finding is about, with its printed label. */
    @Serdeable
    public record ScopeView(String kind, String table, String code, String label) {
    }

    /** One unit's part of a consolidated cell. */
    @Serdeable
    public record ContributionView(String unit, BigDecimal value) {
    }

    /** A cell's value this year and last, and the thresholds of the outlier check. */
    @Serdeable
    public record OutlierView(BigDecimal previous, BigDecimal current, BigDecimal factor, BigDecimal minimumFromZero) {
    }

    /** The finding with {@code message} in the current request's language (Chinese outside a request). */
    public static FindingView of(Finding f) {
        return of(f, Languages.english());
    }

    public static FindingView of(Finding f, boolean english) {
        Scope s = f.scope();
        Outlier o = f.outlier();
        List<ContributionView> contributors = new ArrayList<>(f.contributors().size());
        for (Contribution c : f.contributors()) {
            contributors.add(new ContributionView(c.unit(), c.value()));
        }
        return new FindingView(f.rule(), f.severity().name().toLowerCase(Locale.ROOT), f.cells(), f.labels(), null,
                s == null ? null : new ScopeView(s.kind().name().toLowerCase(Locale.ROOT), s.table(), s.code(), s.label()),
                f.actual(), f.expected(), f.difference(), f.limit(), f.cause(),
                f.consequences().stream().map(c -> of(c, english)).toList(), contributors,
                o == null ? null : new OutlierView(o.previous(), o.current(), o.factor(), o.minimumFromZero()),
                english ? f.message().en() : f.message().zh(), f.message().zh(), f.message().en());
    }

    /**
     * This finding with {@code places} set from {@code placeOf} (a cell code → where the form holds it, or {@code null}
     * for a cell it does not), and so its consequences.
     */
    public FindingView placed(Function<String, String> placeOf) {
        List<String> where = cells.stream().map(c -> Objects.requireNonNullElse(placeOf.apply(c), "")).toList();
        return new FindingView(rule, severity, cells, labels, where, scope, actual, expected, difference, limit, cause,
                consequences.stream().map(c -> c.placed(placeOf)).toList(), contributors, outlier, message, messageZh,
                messageEn);
    }

    public static List<FindingView> of(List<Finding> findings) {
        boolean english = Languages.english();
        return findings.stream().map(f -> of(f, english)).toList();
    }

    /** Findings as a stored snapshot keeps them: {@code message} in Chinese, the default; see {@link #relocalized}. */
    public static List<FindingView> stored(List<Finding> findings) {
        return findings.stream().map(f -> of(f, false)).toList();
    }

    /**
     * Stored findings (as read back from JSON) with {@code message} set again in the current request's language, for
     * documents written once and read by anyone.
     */
    public static List<FindingView> relocalized(List<FindingView> findings) {
        boolean english = Languages.english();
        return findings.stream().map(f -> f.inLanguage(english)).toList();
    }

    /** This finding and its consequences with {@code message} in English or Chinese; both stay beside it. */
    public FindingView inLanguage(boolean english) {
        return new FindingView(rule, severity, cells, labels, places, scope, actual, expected, difference, limit, cause,
                consequences.stream().map(c -> c.inLanguage(english)).toList(), contributors, outlier,
                english && messageEn != null ? messageEn : !english && messageZh != null ? messageZh : message,
                messageZh, messageEn);
    }
}
