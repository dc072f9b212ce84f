package org.opengovinfo.service.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A unit's indicators for a year.
 *
 * @param source {@code own} (its own figures) or {@code consolidated} (its latest snapshot's totals)
 * @param snapshot the snapshot the consolidated figures come from; {@code null} for own figures
 * @param previousYear whether last year's figures (of the same source) were there for the year-over-year change
 */
@Serdeable
public record UnitIndicators(String unit, String name, int year, String template, String source,
                             @Nullable String snapshot, boolean previousYear, List<IndicatorView> indicators) {
}
