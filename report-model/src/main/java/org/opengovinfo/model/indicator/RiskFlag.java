package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.util.Objects;
import org.opengovinfo.model.rule.Message;

/**
 * A risk flag on one report, with the figures behind it.
 *
 * @param level red or yellow
 * @param threshold the threshold the value went past (in the indicator's unit)
 * @param direction whether values above or below the threshold are flagged
 * @param value the indicator's value with its numerator and denominator
 * @param volume the volume indicator's value that made the report big enough to flag
 * @param message what the flag says, with the value and the threshold
 */
public record RiskFlag(Level level, BigDecimal threshold, RiskThreshold.Direction direction, IndicatorValue value,
                       IndicatorValue volume, Message message) {

    public enum Level {
        RED, YELLOW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RiskFlag {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(message, "message");
    }
}
