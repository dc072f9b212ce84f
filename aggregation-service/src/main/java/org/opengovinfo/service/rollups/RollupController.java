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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.opengovinfo.service.system.Languages;
import org.opengovinfo.service.system.ETags;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Representation;
import org.opengovinfo.service.system.ReportYears;

@Tag(name = "rollups")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class RollupController {

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

    @ApiResponse(responseCode = "201", description = "Created; Location names the snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupViews.Created.class)))
    @ApiResponse(responseCode = "422", description = "Nothing below the unit, or no template for the year (rollup.nothing_below, rollup.no_template)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "createRollup", summary = "Roll up a unit's subtree for a year into a new, immutable snapshot; ?basis=accepted adds up "
            + "only accepted reports (default all: a preview over everything stored)")
    @Post("/units/{id}/rollups/{year}")
    @Access(value = Permission.ROLL_UP, unit = "id", year = "year")
    HttpResponse<RollupViews.Created> rollup(@PathVariable String id, @PathVariable String year,
                                             @QueryValue @Nullable String basis) {
        RollupService.Created created = rollups.rollup(id, ReportYears.parse(year), Basis.parse(basis));
        return HttpResponse.created(RollupViews.Created.of(created), URI.create("/api/v1/rollups/" + created.id()));
    }

    @Operation(operationId = "listRollups", summary = "The snapshots rooted at a unit for a year, newest first")
    @Get("/units/{id}/rollups/{year}")
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    List<RollupViews.Summary> list(@PathVariable String id, @PathVariable String year) {
        return rollups.list(id, ReportYears.parse(year)).stream().map(RollupViews.Summary::of).toList();
    }

    @ApiResponse(responseCode = "200", description = "The whole snapshot, with ETag (it never changes)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupViews.Snapshot.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No such snapshot (rollup.not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getSnapshot", summary = "A whole snapshot: every consolidating unit's consolidated, own and declared figures, findings, "
            + "completeness, and the submission versions used")
    @Get(uri = "/rollups/{snapshot}", produces = MediaType.APPLICATION_JSON)
    @Access(Permission.READ_FIGURES)
    HttpResponse<RollupViews.Snapshot> snapshot(@PathVariable String snapshot,
                                                @Header("If-None-Match") @Nullable String ifNoneMatch) {
        StoredSnapshot s = readable(snapshot);
        String etag = "\"" + snapshot + "\"";
        // a snapshot never changes, but it is for the token's holder only: no shared cache may keep it
        String cache = "private, max-age=31536000, immutable";
        if (ETags.ifNoneMatchHolds(ifNoneMatch, etag)) {
            return HttpResponse.<RollupViews.Snapshot>status(HttpStatus.NOT_MODIFIED).header("ETag", etag).header("Cache-Control", cache);
        }
        return HttpResponse.ok(rollups.document(s)).header("ETag", etag).header("Cache-Control", cache);
    }

    @Operation(operationId = "diffSnapshots", summary = "Which consolidated cells moved between two snapshots, by how much, and because of which units")
    @Get("/rollups/{from}/diff/{to}")
    @Access(Permission.READ_FIGURES)
    RollupViews.Diff diff(@PathVariable String from, @PathVariable String to) {
        return rollups.diff(readable(from), readable(to));
    }

    @ApiResponse(responseCode = "200", description = "The consolidated figures with provenance (JSON), or one line per cell (CSV)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupViews.Pull.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            description = "cell,value,unit,label,declared,difference — one line per cell of the template")),
                    @Content(mediaType = Representation.SDMX_TYPE, schema = @Schema(type = "string",
                            description = "SDMX-CSV 1.0: DATAFLOW,REPORTING_UNIT,TIME_PERIOD,CELL,OBS_VALUE,OBS_STATUS,"
                                    + "UNIT_MEASURE,SNAPSHOT — one line per cell; blank is OBS_STATUS L"))})
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No snapshot yet, or not of this unit (rollup.none, rollup.unit_not_in_snapshot)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getConsolidated", summary = "A unit's consolidated figures for a year from the latest snapshot (or ?snapshot=), as JSON, "
            + "CSV or SDMX-CSV (?format=json|csv|sdmx, or Accept), with provenance; ETag and If-None-Match")
    @Get(uri = "/units/{id}/consolidated/{year}", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE,
            Representation.SDMX_TYPE})
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    HttpResponse<?> consolidated(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String snapshot,
                                 @QueryValue @Nullable String format, @Header("Accept") @Nullable String accept,
                                 @Header("If-None-Match") @Nullable String ifNoneMatch) {
        int y = ReportYears.parse(year);
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV,
                Representation.SDMX);
        RollupService.Entry entry = snapshot == null ? rollups.latestEntry(id, y) : rollups.entry(snapshot, id, y);
        // the findings' message follows Accept-Language, so each language is its own representation
        String etag = "\"" + entry.snapshot() + ":" + id + (as == Representation.JSON ? "" : ":" + as.code())
                + (Languages.english() ? ":en" : "") + "\"";
        if (ETags.ifNoneMatchHolds(ifNoneMatch, etag)) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header("ETag", etag);
        }
        Template template = templates.byId(entry.template()).orElseThrow();
        Object body = switch (as) {
            case JSON -> pull(id, entry);
            case CSV -> ConsolidatedCsv.cells(template, entry);
            case SDMX -> ConsolidatedCsv.sdmx(template, id, entry);
            case HTML, XLSX, TEXT -> throw new IllegalStateException("consolidated figures are not offered as " + as.code());
        };
        return HttpResponse.ok(body).contentType(as.type()).header("ETag", etag);
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

    /**
     * The pull of a unit's consolidated figures. Reconciliation findings name units' own figures (the largest
     * contributors, a child above the declared value): only callers who may read figures see them; a reader of
     * consolidated figures sees the rest.
     */
    private RollupViews.Pull pull(String id, RollupService.Entry entry) {
        boolean figuresReader = principal.get().role().grants(Permission.READ_FIGURES);
        List<FindingView> findings = figuresReader ? entry.findings()
                : entry.findings().stream().filter(f -> !NAMING_UNITS.contains(f.rule())).toList();
        return new RollupViews.Pull(id, entry.year(), entry.template(), entry.snapshot(), entry.computedAt(),
                entry.hierarchyYear(), entry.unitsInSubtree(), entry.unitsReported(), entry.consolidated(),
                entry.notApplicable(), FindingView.relocalized(findings),
                entry.declaredFindings() == null ? null : FindingView.relocalized(entry.declaredFindings()),
                entry.declaredAndComputed());
    }

    private static final Set<String> NAMING_UNITS = Set.of(
            "consolidation.declared_differs", "consolidation.declared_below_child");
}
