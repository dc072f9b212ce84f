package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengovinfo.model.rule.Message;

/** Raises risk flags on one report's indicators. A pure function of the indicators and the settings. */
public final class RiskFlags {

    private RiskFlags() {}

    /**
     * The flags a report raises: none when its volume is not defined or below the minimum; otherwise one per flagged
     * indicator that is defined and past its yellow or red threshold (compared exactly).
     *
     * @param values the report's indicators, as {@link IndicatorSet#evaluate(org.opengovinfo.model.figures.Figures,
     *     org.opengovinfo.model.figures.Figures)} gives them
     */
    public static List<RiskFlag> raised(List<IndicatorValue> values, RiskSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Optional<IndicatorValue> volume = find(values, settings.volumeIndicator());
        if (volume.isEmpty() || !volume.get().isDefined()
                || volume.get().compareExactlyWith(settings.minimumVolume()) < 0) {
            return List.of();
        }
        List<RiskFlag> flags = new ArrayList<>();
        for (RiskThreshold t : settings.thresholds()) {
            Optional<IndicatorValue> value = find(values, t.indicator());
            if (value.isEmpty() || !value.get().isDefined()) {
                continue;
            }
            RiskFlag.Level level = t.levelOf(value.get());
            if (level != null) {
                BigDecimal threshold = level == RiskFlag.Level.RED ? t.red() : t.yellow();
                flags.add(new RiskFlag(level, threshold, t.direction(), value.get(), volume.get(),
                        message(level, threshold, t.direction(), value.get(), volume.get())));
            }
        }
        return flags;
    }

    private static Optional<IndicatorValue> find(List<IndicatorValue> values, String id) {
        return values.stream().filter(v -> v.indicator().id().equals(id)).findFirst();
    }

    private static Message message(RiskFlag.Level level, BigDecimal threshold, RiskThreshold.Direction direction,
                                   IndicatorValue v, IndicatorValue volume) {
        Indicator i = v.indicator();
        String unit = i.unit();
        boolean above = direction == RiskThreshold.Direction.ABOVE;
        String formula = i.isRatio() ? "（" + plain(v.numerator()) + " / " + plain(v.denominator()) + "）" : "";
        String formulaEn = i.isRatio() ? " (" + plain(v.numerator()) + " / " + plain(v.denominator()) + ")" : "";
        return new Message(
                (level == RiskFlag.Level.RED ? "红色" : "黄色") + "风险：" + i.labelZh() + " " + plain(v.value()) + unit
                        + formula + (above ? "高于 " : "低于 ") + plain(threshold) + unit + "（"
                        + volume.indicator().labelZh() + " " + plain(volume.value()) + "）",
                (level == RiskFlag.Level.RED ? "Red" : "Yellow") + " risk: " + i.labelEn() + " " + plain(v.value()) + unit
                        + formulaEn + (above ? " above " : " below ") + plain(threshold) + unit + " ("
                        + volume.indicator().labelEn() + " " + plain(volume.value()) + ")");
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
