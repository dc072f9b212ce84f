package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Which indicators raise risk flags, at which thresholds, and the volume below which no flag is raised at all (a
 * town with 3 requests and 1 reconsideration corrected is not a 33 % risk). The defaults are data
 * ({@code report-templates/risk-flags.json}); the service lets its configuration override them.
 *
 * @param volumeIndicator the indicator that measures volume, e.g. {@code new_requests}
 * @param minimumVolume a unit whose volume is below this (or not defined) raises no flag; not negative
 * @param thresholds one per flagged indicator
 */
public record RiskSettings(String volumeIndicator, BigDecimal minimumVolume, List<RiskThreshold> thresholds) {

    public RiskSettings {
        Objects.requireNonNull(volumeIndicator, "volumeIndicator");
        Objects.requireNonNull(minimumVolume, "minimumVolume");
        thresholds = List.copyOf(thresholds);
        if (minimumVolume.signum() < 0) {
            throw new IllegalArgumentException("the minimum volume must not be negative");
        }
        if (thresholds.stream().map(RiskThreshold::indicator).distinct().count() != thresholds.size()) {
            throw new IllegalArgumentException("each indicator has one set of thresholds");
        }
    }

    /** The thresholds shipped with the model ({@code report-templates/risk-flags.json}). */
    public static RiskSettings defaults() {
        return Indicators.defaultRiskSettings();
    }

    public RiskSettings withMinimumVolume(BigDecimal minimum) {
        return minimum == null ? this : new RiskSettings(volumeIndicator, minimum, thresholds);
    }

    /** These settings with one indicator's thresholds replaced ({@code null} keeps that one). */
    public RiskSettings withThresholds(String indicator, BigDecimal red, BigDecimal yellow) {
        if (thresholds.stream().noneMatch(t -> t.indicator().equals(indicator))) {
            throw new IllegalArgumentException("no risk flag on indicator " + indicator);
        }
        return new RiskSettings(volumeIndicator, minimumVolume, thresholds.stream()
                .map(t -> t.indicator().equals(indicator) ? t.with(red, yellow) : t).toList());
    }
}
