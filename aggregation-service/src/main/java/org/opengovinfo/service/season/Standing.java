package org.opengovinfo.service.season;

/** Where a unit's report stands, as much as a rollup needs: its state and the figures version the state is about. */
public record Standing(ReportState state, int version) {
}
