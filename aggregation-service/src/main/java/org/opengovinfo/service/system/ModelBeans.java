package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.math.BigDecimal;
import org.opengovinfo.model.figures.OutlierSettings;
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
}
