package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When an indicator's value raises a flag: strictly above (or below) {@code red} is red, else strictly above (or
 * below) {@code yellow} is yellow; at a threshold exactly is the milder state. In the indicator's unit (15 for 15 %).
 */
public record RiskThreshold(String indicator, Direction direction, BigDecimal red, BigDecimal yellow) {

    /** Which side of the thresholds is risky. */
    public enum Direction {
        /** High values are risky (复议纠错率). */
        ABOVE,
        /** Low values are risky (实质公开率). */
        BELOW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RiskThreshold {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(yellow, "yellow");
        int order = red.compareTo(yellow);
        if (direction == Direction.ABOVE ? order < 0 : order > 0) {
            throw new IllegalArgumentException(indicator + ": the red threshold must be "
                    + (direction == Direction.ABOVE ? "at or above" : "at or below") + " the yellow one ("
                    + red.toPlainString() + " against " + yellow.toPlainString() + ")");
        }
    }

    /** The flag a value raises, or {@code null} for none. Compared exactly, not on the rounded value. */
    public RiskFlag.Level levelOf(IndicatorValue value) {
        int sign = direction == Direction.ABOVE ? 1 : -1;
        if (Integer.signum(value.compareExactlyWith(red)) == sign) {
            return RiskFlag.Level.RED;
        }
        if (Integer.signum(value.compareExactlyWith(yellow)) == sign) {
            return RiskFlag.Level.YELLOW;
        }
        return null;
    }

    /** The same flag with other thresholds (from the service's configuration). */
    public RiskThreshold with(BigDecimal red, BigDecimal yellow) {
        return new RiskThreshold(indicator, direction, red == null ? this.red : red, yellow == null ? this.yellow : yellow);
    }
}
