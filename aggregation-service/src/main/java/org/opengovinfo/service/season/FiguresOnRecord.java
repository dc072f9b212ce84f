package org.opengovinfo.service.season;

/**
 * What the season needs to know about the figures a report is about, without depending on how figures are stored
 * (the figures side depends on the season, which records every write first).
 */
public interface FiguresOnRecord {

    /** Whether this version of a unit's figures for the year has no value at all (own or declared). */
    boolean blank(String unit, int year, int version);
}
