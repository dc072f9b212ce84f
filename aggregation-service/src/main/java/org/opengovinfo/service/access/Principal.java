package org.opengovinfo.service.access;

import io.micronaut.core.annotation.Nullable;

/**
 * Who is asking: the name their token was issued to, its role, and the unit whose subtree it covers
 * ({@code null}: everything).
 */
public record Principal(String name, Role role, @Nullable String scope) {
}
