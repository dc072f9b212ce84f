package org.opengovinfo.service.findings;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Every finding on the figures of a unit's subtree for a year, after the filters.
 *
 * @param units units in the subtree
 * @param unitsWithFindings units with at least one finding listed
 * @param bySeverity how many findings listed are errors and how many warnings
 * @param byRule how many findings listed each rule has, most first
 */
@Serdeable
public record FindingsBelow(String unit, int year, String template, int units, int unitsWithFindings,
                            Map<String, Integer> bySeverity, Map<String, Integer> byRule, List<UnitFinding> findings) {
}
