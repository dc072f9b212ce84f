package org.opengovinfo.client;

import java.util.List;

/**
 * A unit: give {@code parent} for a unit that never moved, or {@code placements} (a parent per span of years).
 *
 * @param kind country, province, city, county, district, development_zone, town, street, department or own_office
 * @param toYear {@code null} while the unit is in force
 */
public record Unit(String id, String name, String kind, String divisionCode, Integer fromYear, Integer toYear,
                   String parent, List<Placement> placements) {

    /** A unit under one parent ({@code null}: at the top) from {@code fromYear} on. */
    public static Unit of(String id, String name, String kind, int fromYear, String parent) {
        return new Unit(id, name, kind, null, fromYear, null, parent, null);
    }

    public record Placement(Integer fromYear, Integer toYear, String parent) {
    }
}
