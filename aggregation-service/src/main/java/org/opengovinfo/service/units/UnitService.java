package org.opengovinfo.service.units;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Principal;
import org.opengovinfo.service.access.Scopes;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.ReportCalendar;
import org.opengovinfo.service.system.YearRevisions;

/**
 * Units and the hierarchy by year: every write is checked against the whole hierarchy and the writer's subtree, all
 * or nothing.
 *
 * <p>Reads leave a caller's transaction usable when they refuse (an unknown unit, say), so that a batch can
 * report one unit's problem and go on. They come from memory: every unit, and each year's hierarchy built from them,
 * loaded as of one hierarchy revision and loaded again once any instance has bumped it (one query per request to
 * compare revisions).
 */
@Singleton
public class UnitService implements Scopes {

    /** Every unit by id as of a hierarchy revision, and the hierarchies of the years asked for so far. */
    private record Loaded(long revision, Map<String, Unit> units, Map<Integer, Hierarchy> years,
                          Map<String, Hierarchy> subtrees, int horizon) {
    }

    /** Subtrees kept per hierarchy revision, the least recently used forgotten first. */
    private static final int SUBTREES = 64;

    /** A unit to write, with the CSV line it came from if it came from one. */
    public record Incoming(UnitInput unit, Integer line) {
    }

    private final UnitRepository units;
    private final YearRevisions revisions;
    private final AuditLog audit;
    private final CurrentPrincipal principal;
    private final ReportCalendar calendar;
    private volatile Loaded loaded;

    UnitService(UnitRepository units, YearRevisions revisions, AuditLog audit, CurrentPrincipal principal,
                ReportCalendar calendar) {
        this.units = units;
        this.revisions = revisions;
        this.audit = audit;
        this.principal = principal;
        this.calendar = calendar;
    }

    @Transactional
    public Unit create(UnitInput input) {
        return write(List.of(new Incoming(input, null)), Mode.CREATE).units().get(0);
    }

    @Transactional
    public Unit update(String id, UnitInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ErrorCode.UNIT_ID_MISMATCH.problem(input.id(), id);
        }
        UnitInput withId = new UnitInput(id, input.name(), input.kind(), input.divisionCode(), input.fromYear(),
                input.toYear(), input.parent(), input.placements());
        return write(List.of(new Incoming(withId, null)), Mode.UPDATE).units().get(0);
    }

    /** Creates or replaces many units at once: all of them are written, or none and every problem is listed. */
    @Transactional
    public ImportSummary importUnits(List<Incoming> inputs) {
        Written written = write(inputs, Mode.IMPORT);
        return new ImportSummary(written.created(), written.units().size() - written.created());
    }

    private enum Mode { CREATE, UPDATE, IMPORT }

    private record Written(List<Unit> units, int created) {
    }

    /** Decodes, checks against the writer's subtree and the whole hierarchy, and stores the units. */
    private Written write(List<Incoming> inputs, Mode mode) {
        Map<String, Integer> lines = new HashMap<>();
        List<Unit> incoming = decode(inputs, lines);
        revisions.bumpHierarchy();
        Map<String, Unit> before = byId(units.all());
        Map<String, Unit> after = new LinkedHashMap<>(before);
        incoming.forEach(u -> after.put(u.id(), u));
        Principal who = principal.get();
        if (who.scope() != null) {
            List<UnitProblem> outside = ScopeRule.outside(who.scope(), before, after, incoming, lines,
                    calendar.presentYear());
            if (!outside.isEmpty()) {
                throw ErrorCode.FORBIDDEN_UNIT_CHANGE.problemWith(outside, who.name(), who.scope(), outside.size());
            }
        }
        Unit first = incoming.get(0);
        if (mode == Mode.CREATE && before.containsKey(first.id())) {
            throw ErrorCode.UNIT_EXISTS.problem(first.id());
        }
        if (mode == Mode.UPDATE && !before.containsKey(first.id())) {
            throw notFound(first.id());
        }
        List<UnitProblem> problems = HierarchyCheck.problems(after, incoming);
        if (!problems.isEmpty()) {
            throw ErrorCode.HIERARCHY_INVALID.problemWith(
                    problems.stream().map(p -> p.atLine(lines.get(p.unit()))).toList(), problems.size());
        }
        Instant now = calendar.now();
        List<Unit> created = new ArrayList<>();
        List<Map.Entry<String, Object>> updatedViews = new ArrayList<>();
        for (Unit u : incoming) {
            if (before.containsKey(u.id())) {
                units.update(u, now);
                updatedViews.add(Map.entry(u.id(), UnitView.of(u)));
            } else {
                created.add(u);
            }
        }
        units.insertAll(created, now);
        audit.recordEach("unit.updated", null, updatedViews);
        audit.recordEach("unit.created", null,
                created.stream().<Map.Entry<String, Object>>map(u -> Map.entry(u.id(), UnitView.of(u))).toList());
        return new Written(incoming, created.size());
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

    @Override
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public boolean isWithin(String unit, String ancestor, int year) {
        return Units.isWithin(loaded().units(), unit, ancestor, year);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public boolean isWithinEveryYear(String unit, String ancestor) {
        Loaded now = loaded();
        Unit u = now.units().get(unit);
        if (u == null) {
            return false;
        }
        for (int year = u.years().from(); year <= u.years().lastYear(now.horizon()); year++) {
            if (!Units.isWithin(now.units(), unit, ancestor, year)) {
                return false;
            }
        }
        return true;
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = ProblemException.class)
    public OptionalInt presentYear(String unit) {
        Unit u = loaded().units().get(unit);
        if (u == null) {
            return OptionalInt.empty();
        }
        int present = calendar.presentYear();
        int last = u.years().to() == null ? present : u.years().to();
        return OptionalInt.of(Math.max(u.years().from(), Math.min(present, last)));
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
        Loaded now = loaded();
        Hierarchy full = hierarchy(now, year);
        int top = full.indexOf(unit);
        if (isOnlyTree(full, top)) {
            return full;
        }
        // the same object for as long as the units stand, so that a rollup can tell its tree has not changed
        return now.subtrees().computeIfAbsent(year + "/" + unit, key -> subtree(full, top));
    }

    private static Hierarchy subtree(Hierarchy full, int top) {
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
            Map<String, Unit> all = Collections.unmodifiableMap(byId(units.all()));
            now = new Loaded(revision, all, new ConcurrentHashMap<>(), Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Hierarchy> eldest) {
                            return size() > SUBTREES;
                        }
                    }), Units.horizon(all.values()));
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
            throw ErrorCode.UNIT_NOT_IN_FORCE.problem(unit.id(), unit.years(), year);
        }
    }

    private static List<Unit> decode(List<Incoming> inputs, Map<String, Integer> lines) {
        List<UnitProblem> problems = new ArrayList<>();
        List<Unit> decoded = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Incoming in : inputs) {
            Unit u = UnitDecoder.decode(in.unit(), in.line(), problems);
            if (u != null) {
                if (!ids.add(u.id())) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_LISTED_TWICE, u.id(), in.line(), u.id()));
                }
                decoded.add(u);
                if (in.line() != null) {
                    lines.putIfAbsent(u.id(), in.line());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ErrorCode.UNIT_INVALID.problemWith(problems, problems.size());
        }
        return decoded;
    }

    private static Map<String, Unit> byId(List<Unit> list) {
        Map<String, Unit> map = new LinkedHashMap<>();
        list.forEach(u -> map.put(u.id(), u));
        return map;
    }

    /** The problem of an unknown unit id. */
    public static ProblemException notFound(String id) {
        return ErrorCode.UNIT_NOT_FOUND.problem(id);
    }
}
