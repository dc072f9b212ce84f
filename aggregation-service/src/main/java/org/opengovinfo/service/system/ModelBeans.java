package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.math.BigDecimal;
import org.opengovinfo.model.figures.OutlierSettings;
import org.opengovinfo.model.indicator.Indicators;
import org.opengovinfo.model.indicator.RiskSettings;
import org.opengovinfo.model.template.Templates;

/** The model's shared values as beans. Templates load at startup, so a broken template file stops the service. */
@Factory
class ModelBeans {

    @Context
    Templates templates() {
        return Templates.bundled();
    }

    /**
     * When a cell's move from last year is reported as an outlier: beyond {@code OUTLIER_FACTOR} times (default 10),
     * or between zero and {@code OUTLIER_MINIMUM_FROM_ZERO} or more (default 100). A factor of 1 or less, or a
     * minimum that is not positive, stops the start.
     */
    @Context
    OutlierSettings outliers(@Value("${reports.outliers.factor:10}") BigDecimal factor,
                             @Value("${reports.outliers.minimum-from-zero:100}") BigDecimal minimumFromZero) {
        return new OutlierSettings(factor, minimumFromZero);
    }

    /** The indicators beside each template; loaded at startup, so a broken indicator file stops the service. */
    @Context
    Indicators indicators() {
        return Indicators.bundled();
    }

    /**
     * Risk flags: the defaults of {@code report-templates/risk-flags.json}, each overridable by the environment
     * ({@code RISK_MINIMUM_NEW_REQUESTS}, {@code RISK_RECONSIDERATION_CORRECTION_RED}/{@code _YELLOW},
     * {@code RISK_SUBSTANTIVE_DISCLOSURE_RED}/{@code _YELLOW}; blank keeps the default). A value that is not a
     * number, or a red threshold milder than its yellow one, stops the start.
     */
    @Context
    RiskSettings risks(@Value("${reports.risks.minimum-new-requests:}") String minimum,
                       @Value("${reports.risks.reconsideration-correction-red:}") String correctionRed,
                       @Value("${reports.risks.reconsideration-correction-yellow:}") String correctionYellow,
                       @Value("${reports.risks.substantive-disclosure-red:}") String disclosureRed,
                       @Value("${reports.risks.substantive-disclosure-yellow:}") String disclosureYellow) {
        return RiskSettings.defaults()
                .withMinimumVolume(decimal("RISK_MINIMUM_NEW_REQUESTS", minimum))
                .withThresholds("reconsideration_correction_rate", decimal("RISK_RECONSIDERATION_CORRECTION_RED",
                        correctionRed), decimal("RISK_RECONSIDERATION_CORRECTION_YELLOW", correctionYellow))
                .withThresholds("substantive_disclosure_rate", decimal("RISK_SUBSTANTIVE_DISCLOSURE_RED", disclosureRed),
                        decimal("RISK_SUBSTANTIVE_DISCLOSURE_YELLOW", disclosureYellow));
    }

    private static BigDecimal decimal(String variable, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number such as 15 or 12.5, not '" + value + "'");
        }
    }
}
