package org.opengovinfo.service.access;

import java.util.OptionalInt;

/**
 * Where units lie in the hierarchy, as access control needs to know it; the units feature answers. (An interface
 * here rather than a call into the units feature, whose controllers need access control: no cycle between them.)
 */
public interface Scopes {

    /** Whether {@code unit} is {@code ancestor} or lies below it in {@code year}. An unknown unit lies nowhere. */
    boolean isWithin(String unit, String ancestor, int year);

    /**
     * Whether {@code unit} is {@code ancestor} or lies below it in every year it is in force, past and future (the
     * future as the last year any placement names). An unknown unit lies nowhere.
     */
    boolean isWithinEveryYear(String unit, String ancestor);

    /**
     * The year a request that names none acts on: the present report year if the unit is in force then, else the
     * nearest year it is; empty for an unknown unit.
     */
    OptionalInt presentYear(String unit);
}
