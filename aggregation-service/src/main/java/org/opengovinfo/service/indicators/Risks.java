package org.opengovinfo.service.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Risk flags across a unit's subtree for a year: every unit's indicators (a consolidating unit's consolidated
 * figures, a leaf's own) against the thresholds, no flag below the minimum volume.
 *
 * @param unitsChecked units whose figures were judged
 * @param unitsWithoutFigures units with no figures to judge (nothing submitted, or no rollup yet)
 * @param byLevel flags by level: red, yellow
 */
@Serdeable
public record Risks(String unit, String name, int year, String template, Settings settings, int unitsChecked,
                    List<String> unitsWithoutFigures, Map<String, Integer> byLevel, List<UnitRisk> flags) {

    /** The thresholds in force (the defaults of risk-flags.json, or the service's configuration). */
    @Serdeable
    public record Settings(String volumeIndicator, BigDecimal minimumVolume, List<Threshold> thresholds) {
    }

    /** Values strictly above (or below) {@code red} are red, else strictly above (or below) {@code yellow} yellow. */
    @Serdeable
    public record Threshold(String indicator, String direction, BigDecimal red, BigDecimal yellow) {
    }

    /**
     * One flag on one unit, with the figures behind it.
     *
     * @param level {@code red} or {@code yellow}
     * @param direction {@code above} or {@code below}: which side of the threshold is flagged
     * @param threshold the threshold passed, in the indicator's unit
     * @param value the indicator with its numerator and denominator
     * @param volume the volume indicator that made the unit big enough to flag
     * @param message in the reader's language; {@code messageZh} and {@code messageEn} always
     */
    @Serdeable
    public record UnitRisk(String unit, String name, String kind, @Nullable String parent, String source,
                           @Nullable String snapshot, String level, String direction, BigDecimal threshold,
                           IndicatorView value, IndicatorView volume, String message, String messageZh, String messageEn) {
    }
}
