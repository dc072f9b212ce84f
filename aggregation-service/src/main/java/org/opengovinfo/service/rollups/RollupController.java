package org.opengovinfo.service.rollups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovinfo.model.consolidation.DeclaredAndComputed;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.rollups.RollupRepository.StoredSnapshot;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.Languages;
import org.opengovinfo.service.system.ETags;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.ReportYears;

@Tag(name = "rollups")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class RollupController {

    private static final MediaType CSV = MediaType.of("text/csv; charset=UTF-8");

    private final RollupService rollups;
    private final CompletenessService completeness;
    private final SubmissionService submissions;
    private final Templates templates;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    RollupController(RollupService rollups, CompletenessService completeness, SubmissionService submissions,
                     Templates templates, AccessControl access, CurrentPrincipal principal) {
        this.rollups = rollups;
        this.completeness = completeness;
        this.submissions = submissions;
        this.templates = templates;
        this.access = access;
        this.principal = principal;
    }

    @ApiResponse(responseCode = "201", description = "Created; Location names the snapshot")
    @ApiResponse(responseCode = "422", description = "Nothing below the unit, or no template for the year (rollup.nothing_below, rollup.no_template)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "createRollup", summary = "Roll up a unit's subtree for a year into a new, immutable snapshot; ?basis=accepted adds up "
            + "only accepted reports (default all: a preview over everything stored)")
    @Post("/units/{id}/rollups/{year}")
    @Access(value = Permission.ROLL_UP, unit = "id", year = "year")
    HttpResponse<Map<String, Object>> rollup(@PathVariable String id, @PathVariable String year,
                                             @QueryValue @Nullable String basis) {
        RollupService.Created created = rollups.rollup(id, ReportYears.parse(year), Basis.parse(basis));
        StoredSnapshot s = created.snapshot();
        Map<String, Object> summary = summary(s);
        summary.put("completeness", created.completeness());
        summary.put("consolidatedUnits", created.consolidatedUnits());
        return HttpResponse.created(summary, URI.create("/api/v1/rollups/" + s.id()));
    }

    @Operation(operationId = "listRollups", summary = "The snapshots rooted at a unit for a year, newest first")
    @Get("/units/{id}/rollups/{year}")
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    List<Map<String, Object>> list(@PathVariable String id, @PathVariable String year) {
        return rollups.list(id, ReportYears.parse(year)).stream().<Map<String, Object>>map(RollupController::summary).toList();
    }

    @ApiResponse(responseCode = "200", description = "The whole snapshot, with ETag (it never changes)")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No such snapshot (rollup.not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getSnapshot", summary = "A whole snapshot: every consolidating unit's consolidated, own and declared figures, findings, "
            + "completeness, and the submission versions used")
    @Get(uri = "/rollups/{snapshot}", produces = MediaType.APPLICATION_JSON)
    @Access(Permission.READ_FIGURES)
    HttpResponse<String> snapshot(@PathVariable String snapshot, @Header("If-None-Match") @Nullable String ifNoneMatch) {
        StoredSnapshot s = readable(snapshot);
        String etag = "\"" + snapshot + "\"";
        // a snapshot never changes, but it is for the token's holder only: no shared cache may keep it
        String cache = "private, max-age=31536000, immutable";
        if (ETags.ifNoneMatchHolds(ifNoneMatch, etag)) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header("ETag", etag).header("Cache-Control", cache);
        }
        return HttpResponse.ok(Json.write(rollups.document(s))).header("ETag", etag).header("Cache-Control", cache);
    }

    @Operation(operationId = "diffSnapshots", summary = "Which consolidated cells moved between two snapshots, by how much, and because of which units")
    @Get("/rollups/{from}/diff/{to}")
    @Access(Permission.READ_FIGURES)
    Map<String, Object> diff(@PathVariable String from, @PathVariable String to) {
        return rollups.diff(readable(from), readable(to));
    }

    @ApiResponse(responseCode = "200", description = "The consolidated figures with provenance (JSON), or one line per cell (CSV)")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No snapshot yet, or not of this unit (rollup.none, rollup.unit_not_in_snapshot)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getConsolidated", summary = "A unit's consolidated figures for a year from the latest snapshot (or ?snapshot=), as JSON or "
            + "?format=csv, with provenance; ETag and If-None-Match")
    @Get("/units/{id}/consolidated/{year}")
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    HttpResponse<?> consolidated(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String snapshot,
                                 @QueryValue @Nullable String format, @Header("If-None-Match") @Nullable String ifNoneMatch) {
        int y = ReportYears.parse(year);
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ErrorCode.REQUEST_UNKNOWN_FORMAT.problem();
        }
        Map<String, Object> entry = snapshot == null ? rollups.latestEntry(id, y) : rollups.entry(snapshot, id, y);
        // the findings' message follows Accept-Language, so each language is its own representation
        String etag = "\"" + entry.get("snapshot") + ":" + id + ("csv".equals(format) ? ":csv" : "")
                + (Languages.english() ? ":en" : "") + "\"";
        if (ETags.ifNoneMatchHolds(ifNoneMatch, etag)) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header("ETag", etag);
        }
        Map<String, Object> pulled = new LinkedHashMap<>();
        pulled.put("unit", id);
        for (String field : List.of("year", "template", "snapshot", "computedAt", "hierarchyYear", "unitsInSubtree",
                "unitsReported")) {
            pulled.put(field, entry.get(field));
        }
        pulled.put("figures", entry.get("consolidated"));
        // reconciliation names units' own figures (the largest contributors, a child above the declared value): only
        // for callers who may read figures; a reader of consolidated figures sees the rest
        boolean figuresReader = principal.get().role().grants(Permission.READ_FIGURES);
        pulled.put("findings", FindingView.relocalized(figuresReader ? entry.get("findings")
                : withoutUnitsFigures(entry.get("findings"))));
        if (entry.get("declaredAndComputed") != null) {
            pulled.put("declaredFindings", FindingView.relocalized(entry.get("declaredFindings")));
            pulled.put("declaredAndComputed", entry.get("declaredAndComputed"));
        }
        if (format == null || format.equals("json")) {
            return HttpResponse.ok(pulled).header("ETag", etag);
        }
        return HttpResponse.ok(csv(templates.byId((String) entry.get("template")).orElseThrow(), figures(entry),
                        declared(entry))).contentType(CSV).header("ETag", etag);
    }

    @Operation(operationId = "getCompleteness", summary = "Who below a unit has reported for a year, who is missing (by kind), who was late")
    @Get("/units/{id}/completeness/{year}")
    @Access(value = Permission.ROLL_UP, unit = "id", year = "year")
    CompletenessService.Completeness completeness(@PathVariable String id, @PathVariable String year) {
        return completeness.of(id, ReportYears.parse(year));
    }

    /** A whole snapshot holds units' own figures: only for principals whose subtree holds its unit. */
    private StoredSnapshot readable(String id) {
        StoredSnapshot s = rollups.snapshot(id);
        access.requireWithin(principal.get(), s.unit(), s.year());
        rollups.markRead(s.id());
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("consolidated");
    }

    /** Findings without those that show a single unit's own figures. */
    private static Object withoutUnitsFigures(Object findings) {
        if (!(findings instanceof List<?> list)) {
            return findings;
        }
        return list.stream().filter(f -> !(f instanceof Map<?, ?> m && NAMING_UNITS.contains(m.get("rule")))).toList();
    }

    private static final java.util.Set<String> NAMING_UNITS = java.util.Set.of(
            "consolidation.declared_differs", "consolidation.declared_below_child");

    /** What a unit declared for each cell of its consolidated report, beside the sum, by cell; null if it declared none. */
    private static Map<String, DeclaredAndComputed> declared(Map<String, Object> entry) {
        Object rows = entry.get("declaredAndComputed");
        if (rows == null) {
            return null;
        }
        Map<String, DeclaredAndComputed> byCell = new LinkedHashMap<>();
        Json.MAPPER.convertValue(rows, DECLARED_ROWS).forEach(r -> byCell.put(r.cell(), r));
        return byCell;
    }

    private static final TypeReference<List<DeclaredAndComputed>> DECLARED_ROWS = new TypeReference<>() {};

    /**
     * One line per cell of the template, in its order: code, value (empty if blank), unit, Chinese label path, and what
     * the unit declared in its compiled table with {@code declared - value} (empty where it declared nothing).
     */
    private static String csv(Template template, Map<String, Object> figures, Map<String, DeclaredAndComputed> declared) {
        // the same columns for every unit, so that pulls of several units line up; blank where nothing was declared
        StringBuilder out = new StringBuilder("cell,value,unit,label,declared,difference\n");
        for (Cell cell : template.cells()) {
            Object value = figures.get(cell.code());
            out.append(cell.code()).append(',')
                    .append(value == null ? "" : value.toString()).append(',')
                    .append(cell.unit()).append(',')
                    .append(quote(String.join(" / ", cell.labels())));
            DeclaredAndComputed row = declared == null ? null : declared.get(cell.code());
            out.append(',').append(plain(row == null ? null : row.declared()))
                    .append(',').append(plain(row == null ? null : row.difference()));
            out.append('\n');
        }
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static Map<String, Object> summary(StoredSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("unit", s.unit());
        m.put("year", s.year());
        m.put("template", s.template());
        m.put("computedAt", s.createdAt().toString());
        m.put("triggeredBy", s.createdBy());
        m.put("basis", s.basis());
        return m;
    }
}
