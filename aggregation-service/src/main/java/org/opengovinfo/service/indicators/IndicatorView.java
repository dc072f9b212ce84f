package org.opengovinfo.service.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import org.opengovinfo.model.indicator.IndicatorValue;
import org.opengovinfo.model.indicator.NotDefined;
import org.opengovinfo.service.system.Languages;

/**
 * One indicator of one report: its value rounded to two places half up, with the exact numerator and denominator
 * behind it, or why it is not defined.
 *
 * @param indicator the stable id, e.g. {@code substantive_disclosure_rate}
 * @param label its name in the reader's language; {@code labelZh} and {@code labelEn} always
 * @param unit what the value is in, {@code %} or {@code 件}
 * @param value the value, or {@code null} when not defined (never 0 for "not defined")
 * @param numerator the exact sum above the line (before × 100), when every cell of it is filled
 * @param denominator the exact sum below the line; {@code null} for a plain count
 * @param notDefined why there is no value, or {@code null}
 */
@Serdeable
public record IndicatorView(String indicator, String label, String labelZh, String labelEn, String unit,
                            @Nullable BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator,
                            @Nullable NotDefinedView notDefined) {

    /**
     * Why an indicator has no value.
     *
     * @param code {@code indicator.division_by_zero}, {@code indicator.blank_input}, {@code indicator.no_previous_year},
     *     {@code indicator.previous_format}, {@code indicator.not_in_format} or {@code indicator.no_figures}
     * @param cells the cells to blame ({@code previous:} for last year's), as the indicator file writes them
     * @param reason in the reader's language; {@code reasonZh} and {@code reasonEn} always
     */
    @Serdeable
    public record NotDefinedView(String code, List<String> cells, String reason, String reasonZh, String reasonEn) {

        static NotDefinedView of(NotDefined n) {
            return new NotDefinedView(n.code(), n.cells(), Languages.english() ? n.reason().en() : n.reason().zh(),
                    n.reason().zh(), n.reason().en());
        }
    }

    static IndicatorView of(IndicatorValue v) {
        return new IndicatorView(v.indicator().id(), Languages.english() ? v.indicator().labelEn() : v.indicator().labelZh(),
                v.indicator().labelZh(), v.indicator().labelEn(), v.indicator().unit(), v.value(), v.numerator(),
                v.denominator(), v.notDefined() == null ? null : NotDefinedView.of(v.notDefined()));
    }
}
