package org.opengovinfo.service.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.opengovinfo.service.system.FindingView;

/**
 * A finding on one unit's figures, as a city office works through them: which unit (name, kind, where it sits),
 * where the finding comes from, the finding itself, and the Chinese labels of its cells as printed.
 *
 * @param source {@code own} (the unit's own figures as stored, against the rules and its previous year) or
 *     {@code rollup} (its figures consolidated over the units below it, reconciled against what it declared)
 * @param labels one per cell of the finding, in the same order: the label path as printed on the form
 */
@Serdeable
public record UnitFinding(String unit, String name, String kind, @Nullable String parent, String source,
                          FindingView finding, List<String> labels) {
}
