package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;

/** Where a unit sits for a span of years: under {@code parent}, or at the top when it is {@code null}. */
public record Placement(YearSpan years, @Nullable String parent) {
}
