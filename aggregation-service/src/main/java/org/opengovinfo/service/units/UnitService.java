package org.opengovinfo.service.units;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.service.access.AuditLog;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.YearRevisions;

/**
 * Units and the hierarchy by year: every write is checked against the whole hierarchy, all or nothing.
 *
 * <p>Reads leave a caller's transaction usable when they refuse (an unknown unit, say), so that a batch can
 * report one unit's problem and go on. They come from memory: every unit, and each year's hierarchy built from them, loaded as of one hierarchy
 * revision and loaded again once any instance has bumped it (one query per read to compare revisions).
 */
@Singleton
public class UnitService {

    /** Every unit by id as of a hierarchy revision, and the hierarchies of the years asked for so far. */
    private record Loaded(long revision, Map<String, Unit> units, Map<Integer, Hierarchy> years) {
    }

    private final UnitRepository units;
    private final YearRevisions revisions;
    private final AuditLog audit;
    private volatile Loaded loaded;

    UnitService(UnitRepository units, YearRevisions revisions, AuditLog audit) {
        this.units = units;
        this.revisions = revisions;
        this.audit = audit;
    }

    @Transactional
    public Unit create(UnitInput input) {
        Unit unit = decode(List.of(input)).get(0);
        revisions.bumpHierarchy();
        Map<String, Unit> all = byId(units.all());
        if (all.containsKey(unit.id())) {
            throw ProblemException.conflict("unit.exists", "unit " + unit.id() + " exists already; ids are never reused");
        }
        all.put(unit.id(), unit);
        check(all, List.of(unit));
        units.insert(unit, Instant.now());
        audit.record("unit.created", unit.id(), null, UnitView.of(unit));
        return unit;
    }

    @Transactional
    public Unit update(String id, UnitInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ProblemException.badRequest("unit.id_mismatch", "the body's id " + input.id() + " is not the path's " + id);
        }
        UnitInput withId = new UnitInput(id, input.name(), input.kind(), input.divisionCode(), input.fromYear(),
                input.toYear(), input.parent(), input.placements());
        Unit unit = decode(List.of(withId)).get(0);
        revisions.bumpHierarchy();
        Map<String, Unit> all = byId(units.all());
        if (!all.containsKey(id)) {
            throw notFound(id);
        }
        all.put(id, unit);
        check(all, List.of(unit));
        units.update(unit, Instant.now());
        audit.record("unit.updated", unit.id(), null, UnitView.of(unit));
        return unit;
    }

    /** Creates or replaces many units at once: all of them are written, or none and every problem is listed. */
    @Transactional
    public ImportSummary importUnits(List<UnitInput> inputs) {
        List<Unit> incoming = decode(inputs);
        revisions.bumpHierarchy();
        Map<String, Unit> all = byId(units.all());
        Set<String> existing = new HashSet<>(all.keySet());
        incoming.forEach(u -> all.put(u.id(), u));
        check(all, incoming);
        Instant now = Instant.now();
        List<Unit> created = new ArrayList<>();
        List<Map.Entry<String, Object>> updatedViews = new ArrayList<>();
        for (Unit u : incoming) {
            if (existing.contains(u.id())) {
                units.update(u, now);
                updatedViews.add(Map.entry(u.id(), UnitView.of(u)));
            } else {
                created.add(u);
            }
        }
        units.insertAll(created, now);
        audit.recordEach("unit.updated", null, updatedViews);
        audit.recordEach("unit.created", null, created.stream().<Map.Entry<String, Object>>map(u -> Map.entry(u.id(), UnitView.of(u))).toList());
        return new ImportSummary(created.size(), incoming.size() - created.size());
    }

    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public Unit get(String id) {
        Unit unit = loaded().units().get(id);
        if (unit == null) {
            throw notFound(id);
        }
        return unit;
    }

    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public List<Unit> children(String id, int year) {
        requireInForce(get(id), year);
        Loaded now = loaded();
        Hierarchy h = hierarchy(now, year);
        List<Unit> children = new ArrayList<>();
        for (int c : h.children(h.indexOf(id))) {
            children.add(now.units().get(h.unit(c)));
        }
        return children;
    }

    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public List<SubtreeEntry> subtree(String id, int year) {
        Hierarchy h = subtreeHierarchy(id, year);
        Map<String, Unit> all = all();
        int[] depth = new int[h.size()];
        List<SubtreeEntry> entries = new ArrayList<>();
        for (int u : h.order()) {
            int p = h.parent(u);
            depth[u] = p < 0 ? 0 : depth[p] + 1;
            Unit unit = all.get(h.unit(u));
            entries.add(new SubtreeEntry(unit.id(), unit.name(), unit.kind().code(), p < 0 ? null : h.unit(p), depth[u]));
        }
        return entries;
    }

    /**
     * Whether {@code unit} is {@code ancestor} or lies below it — in {@code year}, or when {@code year} is
     * {@code null} in any year the unit is in force. An unknown unit lies nowhere.
     */
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public boolean isWithin(String unit, String ancestor, Integer year) {
        Map<String, Unit> all = loaded().units();
        Unit u = all.get(unit);
        if (u == null) {
            return false;
        }
        int last = u.years().lastYear(Year.now().getValue() + 1);
        for (int y = year != null ? year : u.years().from(); y <= (year != null ? year : last); y++) {
            Unit current = u;
            for (int depth = 0; current != null && depth < 64; depth++) {
                if (current.id().equals(ancestor)) {
                    return true;
                }
                String parent = current.parentIn(y);
                current = parent == null ? null : all.get(parent);
            }
        }
        return false;
    }

    /** Every unit by id; unmodifiable. */
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public Map<String, Unit> all() {
        return loaded().units();
    }

    /**
     * The subtree of {@code unit} as it stood in {@code year}, as a hierarchy rooted at the unit.
     *
     * @throws ProblemException if the unit is unknown or not in force that year
     */
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public Hierarchy subtreeHierarchy(String unit, int year) {
        requireInForce(get(unit), year);
        Hierarchy full = hierarchy(loaded(), year);
        int top = full.indexOf(unit);
        if (isOnlyTree(full, top)) {
            return full;
        }
        Hierarchy.Builder builder = Hierarchy.builder();
        List<Integer> queue = new ArrayList<>(List.of(top));
        for (int k = 0; k < queue.size(); k++) {
            int u = queue.get(k);
            builder.add(full.unit(u), k == 0 ? null : full.unit(full.parent(u)));
            for (int c : full.children(u)) {
                queue.add(c);
            }
        }
        return builder.build();
    }

    /** The hierarchy as it stood in {@code year}: every unit in force then, under its parent then. */
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public Hierarchy hierarchy(int year) {
        return hierarchy(loaded(), year);
    }

    private Loaded loaded() {
        long revision = revisions.hierarchy();
        Loaded now = loaded;
        if (now == null || now.revision() != revision) {
            now = new Loaded(revision, Collections.unmodifiableMap(byId(units.all())), new ConcurrentHashMap<>());
            loaded = now;
        }
        return now;
    }

    private static Hierarchy hierarchy(Loaded loaded, int year) {
        return loaded.years().computeIfAbsent(year, y -> {
            Hierarchy.Builder builder = Hierarchy.builder();
            loaded.units().values().stream().filter(u -> u.years().contains(y)).map(Unit::id).sorted()
                    .forEach(id -> builder.add(id, loaded.units().get(id).parentIn(y)));
            return builder.build();
        });
    }

    /** Whether {@code top} is the root of the only tree of the hierarchy. */
    private static boolean isOnlyTree(Hierarchy h, int top) {
        return h.parent(top) < 0 && (h.size() == 1 || h.parent(h.order()[1]) >= 0);
    }

    private static void requireInForce(Unit unit, int year) {
        if (!unit.years().contains(year)) {
            throw ProblemException.notFound("unit.not_in_force",
                    "unit " + unit.id() + " is in force " + unit.years() + ", not in " + year);
        }
    }

    private static List<Unit> decode(List<UnitInput> inputs) {
        List<UnitProblem> problems = new ArrayList<>();
        List<Unit> decoded = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (UnitInput in : inputs) {
            Unit u = UnitDecoder.decode(in, problems);
            if (u != null) {
                if (!ids.add(u.id())) {
                    problems.add(new UnitProblem(u.id(), "unit.listed_twice", "unit " + u.id() + " is listed twice"));
                }
                decoded.add(u);
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("unit.invalid", problems.size() + " problem(s) with the units given", problems);
        }
        return decoded;
    }

    private static void check(Map<String, Unit> all, List<Unit> changed) {
        List<UnitProblem> problems = HierarchyCheck.problems(all, changed);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "hierarchy.invalid",
                    problems.size() + " problem(s) with the hierarchy", problems);
        }
    }

    private static Map<String, Unit> byId(List<Unit> list) {
        Map<String, Unit> map = new LinkedHashMap<>();
        list.forEach(u -> map.put(u.id(), u));
        return map;
    }

    /** The problem of an unknown unit id. */
    public static ProblemException notFound(String id) {
        return ProblemException.notFound("unit.not_found", "no unit " + id);
    }
}
