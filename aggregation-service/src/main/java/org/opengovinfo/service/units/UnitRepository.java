package org.opengovinfo.service.units;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Units and their placements in SQL that runs on H2 and PostgreSQL alike. Callers hold the transaction. */
@Singleton
class UnitRepository {

    private static final String SELECT_UNITS =
            "SELECT id, name, kind, division_code, from_year, to_year FROM unit";
    private static final String SELECT_PLACEMENTS =
            "SELECT unit_id, from_year, to_year, parent_id FROM unit_placement";

    private final JdbcOperations jdbc;

    UnitRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every unit, for checking a change against the whole hierarchy. */
    List<Unit> all() {
        return load(SELECT_UNITS, SELECT_PLACEMENTS);
    }

    void insert(Unit unit, Instant now) {
        insertAll(List.of(unit), now);
    }

    /** Inserts new units with their placements, in a few round trips. */
    void insertAll(List<Unit> units, Instant now) {
        if (units.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO unit (id, name, kind, division_code, from_year, to_year, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    for (Unit unit : units) {
                        bindUnit(ps, unit);
                        ps.setTimestamp(7, Timestamp.from(now));
                        ps.setTimestamp(8, Timestamp.from(now));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
        insertPlacements(units);
    }

    void update(Unit unit, Instant now) {
        jdbc.prepareStatement("UPDATE unit SET name = ?, kind = ?, division_code = ?, from_year = ?, to_year = ?, "
                + "updated_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, unit.name());
                    ps.setString(2, unit.kind().code());
                    setNullableString(ps, 3, unit.divisionCode());
                    ps.setInt(4, unit.years().from());
                    setNullableInt(ps, 5, unit.years().to());
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.setString(7, unit.id());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM unit_placement WHERE unit_id = ?", ps -> {
            ps.setString(1, unit.id());
            return ps.executeUpdate();
        });
        insertPlacements(List.of(unit));
    }

    private void insertPlacements(List<Unit> units) {
        jdbc.prepareStatement("INSERT INTO unit_placement (unit_id, from_year, to_year, parent_id) VALUES (?, ?, ?, ?)",
                ps -> {
                    for (Unit unit : units) {
                        for (Placement p : unit.placements()) {
                            ps.setString(1, unit.id());
                            ps.setInt(2, p.years().from());
                            setNullableInt(ps, 3, p.years().to());
                            setNullableString(ps, 4, p.parent());
                            ps.addBatch();
                        }
                    }
                    return ps.executeBatch();
                });
    }

    private List<Unit> load(String unitSql, String placementSql) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        jdbc.prepareStatement(unitSql + " ORDER BY id", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), (Integer) rs.getObject(6, Integer.class)});
                }
            }
            return null;
        });
        Map<String, List<Placement>> placements = new LinkedHashMap<>();
        jdbc.prepareStatement(placementSql + " ORDER BY unit_id, from_year", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    placements.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Placement(
                            new YearSpan(rs.getInt(2), rs.getObject(3, Integer.class)), rs.getString(4)));
                }
            }
            return null;
        });
        List<Unit> units = new ArrayList<>(rows.size());
        rows.forEach((unitId, r) -> units.add(new Unit(unitId, (String) r[0], UnitKind.parse((String) r[1]).orElseThrow(),
                (String) r[2], new YearSpan((Integer) r[3], (Integer) r[4]), placements.getOrDefault(unitId, List.of()))));
        return units;
    }

    private static void bindUnit(PreparedStatement ps, Unit unit) throws SQLException {
        ps.setString(1, unit.id());
        ps.setString(2, unit.name());
        ps.setString(3, unit.kind().code());
        setNullableString(ps, 4, unit.divisionCode());
        ps.setInt(5, unit.years().from());
        setNullableInt(ps, 6, unit.years().to());
    }

    private static void setNullableString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static void setNullableInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
