package org.opengovinfo.service.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A token's role, always within its unit's subtree (or everywhere for a token without a unit):
 * administrators run units and tokens (and may do everything else, alone reopen a publication), consolidators watch
 * completeness, review (accept, return, reopen) the reports below them, roll up, publish and read everything,
 * reporters write figures and hand them in, readers pull consolidated results, scrapers (a monitoring system) read
 * the service's metrics and nothing else.
 */
public enum Role {
    ADMINISTRATOR(EnumSet.allOf(Permission.class)),
    CONSOLIDATOR(EnumSet.of(Permission.READ_TEMPLATES, Permission.READ_UNITS, Permission.READ_AUDIT,
            Permission.READ_FIGURES, Permission.ROLL_UP, Permission.READ_CONSOLIDATED, Permission.REVIEW,
            Permission.PUBLISH)),
    REPORTER(EnumSet.of(Permission.READ_TEMPLATES, Permission.READ_UNITS, Permission.WRITE_FIGURES,
            Permission.READ_FIGURES)),
    READER(EnumSet.of(Permission.READ_TEMPLATES, Permission.READ_UNITS, Permission.READ_CONSOLIDATED)),
    SCRAPER(EnumSet.of(Permission.SCRAPE_METRICS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean grants(Permission p) {
        return permissions.contains(p);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
