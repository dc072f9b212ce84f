package org.opengovinfo.service.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opengovinfo.service.system.FindingView;

/**
 * A finding on one unit's figures, as a city office works through them: which unit (name, kind, where it sits),
 * where the finding comes from, and the finding itself (its cells with their printed labels).
 *
 * @param source {@code own} (the unit's own figures as stored, against the rules and its previous year) or
 *     {@code declared} (the table a consolidating unit compiled itself, against the rules) or {@code rollup} (its
 *     figures consolidated over the units below it, and reconciled against what it declared)
 */
@Serdeable
public record UnitFinding(String unit, String name, String kind, @Nullable String parent, String source,
                          FindingView finding) {
}
