package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.PackedFigures;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/**
 * A year's figures read at a start from its checkpoint and the versions stored after it are exactly the figures
 * read from every stored version — values, blanks, cells not applicable, declared tables, versions, first
 * submission times — and a checkpoint that cannot be read is ignored rather than trusted.
 */
class FiguresCheckpointTest extends OnBothDatabases {

    private static final int YEAR = 2021;
    private static int counties;

    /** A county with three streets: figures with 不适用, declared figures on the county, a blank report. */
    private static String county() {
        String county = "cp-county-" + (++counties);
        service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", county, "name", "某区", "kind", "district", "fromYear", 2015),
                Map.of("id", county + "-a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", county),
                Map.of("id", county + "-b", "name", "乙街道", "kind", "street", "fromYear", 2015, "parent", county),
                Map.of("id", county + "-c", "name", "丙街道", "kind", "street", "fromYear", 2015, "parent", county)))).ok();
        put(county + "-a", Map.of("figures", Map.of("s4.reconsideration.upheld", "不适用", "s2_5.licensing.decisions", 3,
                "s4.reconsideration.corrected", 0)));
        put(county + "-b", Map.of("figures", Map.of("s2_5.licensing.decisions", 2)));
        put(county + "-c", Map.of("figures", Map.of()));
        put(county, Map.of("figures", Map.of("s2_5.licensing.decisions", 1),
                "declared", Map.of("s2_5.licensing.decisions", 6)));
        return county;
    }

    private static void put(String unit, Map<String, Object> body) {
        service.put("/api/v1/units/" + unit + "/figures/" + YEAR, body).ok();
    }

    private static void assertSameYear(OfYear expected, OfYear actual) {
        assertEquals(expected.revision(), actual.revision());
        assertEquals(expected.units(), actual.units());
        assertEquals(expected.firstSubmitted(), actual.firstSubmitted());
    }

    @Test
    void aStartReadsTheCheckpointAndTheVersionsAfterItExactlyAsTheStoredVersions() {
        String county = county();
        OfYear atCheckpoint = service.bean(CurrentFigures.class).of(YEAR);
        FiguresCheckpoints checkpoints = service.bean(FiguresCheckpoints.class);
        checkpoints.write(atCheckpoint);
        assertSameYear(atCheckpoint, checkpoints.newest(YEAR, atCheckpoint.revision()).orElseThrow());

        // after the checkpoint: a changed report, a report marked not applicable, a unit's first report
        put(county + "-a", Map.of("figures", Map.of("s4.reconsideration.upheld", 5, "s2_5.licensing.decisions", 3)));
        put(county + "-c", Map.of("figures", Map.of("s4.reconsideration.upheld", "N/A")));
        OfYear fromRows = service.bean(CurrentFigures.class).of(YEAR);
        assertNotEquals(atCheckpoint.units(), fromRows.units());

        try (ServiceUnderTest restarted = ServiceUnderTest.start(service.datasource())) {
            OfYear read = restarted.bean(CurrentFigures.class).of(YEAR);
            assertSameYear(fromRows, read);
            assertEquals(atCheckpoint.revision(),
                    restarted.bean(FiguresCheckpoints.class).newest(YEAR, read.revision()).orElseThrow().revision(),
                    "the start had a checkpoint to read");
            assertTrue(read.units().get(county + "-c").own().isNotApplicable("s4.reconsideration.upheld"),
                    "a blank report marked not applicable later is a new version");
            assertEquals(6, read.units().get(county).declared().value("s2_5.licensing.decisions").orElseThrow().intValue());
        }
    }

    @Test
    void aCheckpointUnderAnotherTemplateLayoutOrDamagedIsIgnoredAndTheYearReadFromTheStoredVersions() throws SQLException {
        county();
        OfYear fromRows = service.bean(CurrentFigures.class).of(YEAR);
        PackedFigures.Out otherLayout = new PackedFigures.Out(64);
        otherLayout.varInt(1);
        otherLayout.varInt(1);
        otherLayout.string("2021");
        otherLayout.varLong(PackedFigures.layoutKey(fromRows.units().values().iterator().next().own().template()) + 1);
        otherLayout.varInt(0);
        FiguresCheckpoints checkpoints = service.bean(FiguresCheckpoints.class);
        for (byte[] part : List.of(FiguresCheckpoints.deflate(otherLayout.toByteArray()), new byte[] {1, 2, 3})) {
            sql(service, "DELETE FROM figures_checkpoint");
            insert(fromRows.revision(), part);
            assertEquals(Optional.empty(), checkpoints.newest(YEAR, fromRows.revision()));
            try (ServiceUnderTest restarted = ServiceUnderTest.start(service.datasource())) {
                assertSameYear(fromRows, restarted.bean(CurrentFigures.class).of(YEAR));
            }
        }
    }

    @Test
    void aDatabaseFromBeforeCheckpointsMigratesAndReadsBackTheSameYear() throws SQLException {
        county();
        OfYear before = service.bean(CurrentFigures.class).of(YEAR);
        // the database as it was before V20: no checkpoint table, neither it nor the migrations after it applied
        sql(service, "DROP TABLE figures_checkpoint");
        sql(service, "ALTER TABLE rollup_snapshot DROP CONSTRAINT rollup_snapshot_units_of_fk");
        sql(service, "DROP INDEX rollup_snapshot_units_of");
        sql(service, "ALTER TABLE rollup_snapshot DROP COLUMN units_of");
        sql(service, "DELETE FROM flyway_schema_history WHERE version IN ('20', '21', '22')");
        try (ServiceUnderTest migrated = ServiceUnderTest.start(service.datasource())) {
            OfYear read = migrated.bean(CurrentFigures.class).of(YEAR);
            assertSameYear(before, read);
            migrated.bean(FiguresCheckpoints.class).write(read);
            assertSameYear(before, migrated.bean(FiguresCheckpoints.class).newest(YEAR, read.revision()).orElseThrow());
        }
    }

    private static void insert(long revision, byte[] part) throws SQLException {
        try (Connection c = service.connection(); var ps = c.prepareStatement("INSERT INTO figures_checkpoint "
                + "(report_year, revision, part, parts, created_at, content) VALUES (?, ?, 0, 1, CURRENT_TIMESTAMP, ?)")) {
            ps.setInt(1, YEAR);
            ps.setLong(2, revision);
            ps.setBytes(3, part);
            ps.executeUpdate();
        }
    }

    private static void sql(ServiceUnderTest on, String sql) throws SQLException {
        try (Connection c = on.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
