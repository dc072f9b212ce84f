package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.submissions.SubmissionViews.BatchItem;
import org.opengovinfo.service.submissions.SubmissionViews.Change;
import org.opengovinfo.service.system.ETags;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;

/**
 * Figures in and out. A single unit's figures are handled on the small {@value #SUBMISSIONS} pool, not a thread per
 * request: at 16 clients writing at once on two cores, p99 halved, because fewer transactions at a time contend for
 * the cores and for the year's revision row. Batches, which take long, stay on the I/O pool.
 */
@Tag(name = "figures")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class SubmissionController {

    static final String SUBMISSIONS = "submissions";

    /** Units per transaction in a batch: large enough to amortise a commit, small enough to keep locks short. */
    private static final int CHUNK = 200;

    private final SubmissionService service;
    private final FiguresPut put;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    SubmissionController(SubmissionService service, FiguresPut put, AccessControl access, CurrentPrincipal principal) {
        this.service = service;
        this.put = put;
        this.access = access;
        this.principal = principal;
    }

    @Operation(operationId = "putFigures", summary = "Submit a unit's figures for a year",
            description = "Body: {\"template\"?: id, \"figures\": {cell: value}, \"declared\"?: {cell: value}}. "
                    + "Errors reject the whole submission with every finding; warnings are accepted and returned. "
                    + "?dryRun=true validates without storing. If-Match with the ETag of the figures read guards "
                    + "against overwriting someone else's change (412). The same PUT takes a filled-in form as it was "
                    + "saved: the XLSX form or the CSV form of GET /units/{id}/form/{year} (UTF-8 or GBK); a form's findings "
                    + "carry their places in it, and a workbook that cannot be read is 400 (request.malformed_xlsx).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionInput.class)))
    @ApiResponse(responseCode = "200", description = "Stored (accepted), identical to the current version (unchanged) "
            + "or, with ?dryRun=true, valid", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionViews.Result.class)))
    @ApiResponse(responseCode = "409", description = "Another writer stored figures meanwhile "
            + "(submission.concurrent_write), or the report is locked (figures.locked)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version (submission.version_mismatch)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Rejected with every finding (submission.rejected)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Put(uri = "/units/{id}/figures/{year}", consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(SUBMISSIONS)
    @Access(value = Permission.WRITE_FIGURES, unit = "id", year = "year")
    HttpResponse<SubmissionViews.Result> put(@PathVariable String id, @PathVariable String year, @Body String body,
                                             @QueryValue @Nullable String dryRun,
                                             @Header("If-Match") @Nullable String ifMatch) {
        FiguresPut.Answer answer = put.put(id, ReportYears.parse(year), SubmissionJson.submission(body),
                FiguresPut.dryRun(dryRun), ifMatch);
        io.micronaut.http.MutableHttpResponse<SubmissionViews.Result> response = HttpResponse.ok(answer.result());
        return answer.etag() == null ? response : response.header("ETag", answer.etag());
    }

    @ApiResponse(responseCode = "409", description = "Another writer stored figures meanwhile, or the report is locked (submission.concurrent_write, figures.locked)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version (submission.version_mismatch)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Rejected with every finding (submission.rejected)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "patchFigures", summary = "Change only the cells given (null blanks a cell); the merged "
            + "figures are checked and stored as a new version like a whole submission; If-Match as for PUT")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionInput.class)))
    @Patch(uri = "/units/{id}/figures/{year}", consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(SUBMISSIONS)
    @Access(value = Permission.WRITE_FIGURES, unit = "id", year = "year")
    HttpResponse<SubmissionViews.Result> patch(@PathVariable String id, @PathVariable String year, @Body String body,
                                               @Header("If-Match") @Nullable String ifMatch) {
        SubmissionService.Outcome outcome = service.patch(id, ReportYears.parse(year), SubmissionJson.submission(body), ifMatch);
        return HttpResponse.ok(SubmissionViews.Result.of(outcome)).header("ETag", SubmissionService.etag(outcome.version()));
    }

    @ApiResponse(responseCode = "200", description = "The current figures, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionViews.Stored.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No figures stored (submission.none)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getFigures", summary = "A unit's current figures for a year, with ETag; If-None-Match gives 304 when unchanged")
    @Get("/units/{id}/figures/{year}")
    @ExecuteOn(SUBMISSIONS)
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    HttpResponse<SubmissionViews.Stored> get(@PathVariable String id, @PathVariable String year,
                                             @Header("If-None-Match") @Nullable String ifNoneMatch) {
        StoredSubmission s = service.current(id, ReportYears.parse(year));
        String etag = SubmissionService.etag(s.version());
        if (ETags.ifNoneMatchHolds(ifNoneMatch, etag)) {
            return HttpResponse.<SubmissionViews.Stored>status(HttpStatus.NOT_MODIFIED).header("ETag", etag);
        }
        return HttpResponse.ok(stored(s)).header("ETag", etag);
    }

    @Operation(operationId = "listVersions", summary = "Every version of a unit's figures for a year: who, when, which cells changed")
    @Get("/units/{id}/figures/{year}/versions")
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    List<SubmissionViews.Version> versions(@PathVariable String id, @PathVariable String year) {
        List<SubmissionViews.Version> versions = new ArrayList<>();
        StoredSubmission before = null;
        for (StoredSubmission s : service.versions(id, ReportYears.parse(year))) {
            versions.add(new SubmissionViews.Version(s.version(), s.template(), s.submittedBy(), s.submittedAt(),
                    changes(before, s)));
            before = s;
        }
        return versions;
    }

    @Operation(operationId = "getVersion", summary = "One version of a unit's figures for a year, as stored")
    @Get("/units/{id}/figures/{year}/versions/{version}")
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    SubmissionViews.Stored version(@PathVariable String id, @PathVariable String year, @PathVariable String version) {
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("version", Redaction.clip(version), Words.WHOLE_NUMBER);
        }
        return stored(service.version(id, ReportYears.parse(year), Integer.parseInt(version)));
    }

    @ApiResponse(responseCode = "422", description = "A unit is listed twice or the year is invalid (batch.unit_listed_twice, request.invalid_year)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "submitBatch", summary = "Submit many units' figures for one year; each unit is all or nothing",
            description = "Body: {\"year\": 2021, \"dryRun\"?: false, \"submissions\": [{\"unit\": id, \"figures\": {...}, "
                    + "\"declared\"?: {...}}]}. The answer lists every unit as accepted, unchanged, valid or rejected.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionViews.BatchInput.class)))
    @Post(uri = "/figures/batch", consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.WRITE_FIGURES)
    SubmissionViews.BatchResult batch(@Body String body) {
        SubmissionJson.Batch batch = SubmissionJson.batch(body);
        List<Map.Entry<String, SubmissionInput>> all = batch.submissions();
        refuseUnitsListedTwice(all);
        List<BatchItem> items = new ArrayList<>();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (int from = 0; from < all.size(); from += CHUNK) {
            for (SubmissionService.BatchOutcome o : chunk(all.subList(from, Math.min(all.size(), from + CHUNK)), batch)) {
                BatchItem item = o.rejected() == null
                        ? new BatchItem(o.unit(), o.outcome().status(), o.outcome().version(), null, null, null,
                                FindingView.of(o.outcome().checked().findings()))
                        : new BatchItem(o.unit(), Status.REJECTED, null, o.rejected().code(), o.rejected().localDetail(),
                                o.rejected().detailZh(), findings(o.rejected()));
                counts.merge(item.status(), 1, Integer::sum);
                items.add(item);
            }
        }
        return new SubmissionViews.BatchResult(counts.getOrDefault(Status.ACCEPTED, 0),
                counts.getOrDefault(Status.UNCHANGED, 0), counts.getOrDefault(Status.VALID, 0),
                counts.getOrDefault(Status.REJECTED, 0), items);
    }

    /**
     * A unit given twice in one batch is a mistake in the file, not two versions to store in turn: which value was
     * meant? The whole batch is refused before anything is stored, naming the unit and its items.
     */
    private static void refuseUnitsListedTwice(List<Map.Entry<String, SubmissionInput>> all) {
        Map<String, List<Integer>> items = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            items.computeIfAbsent(all.get(i).getKey(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : items.entrySet()) {
            if (e.getValue().size() > 1) {
                throw ErrorCode.BATCH_UNIT_LISTED_TWICE.problem(Redaction.text(e.getKey(), 64),
                        e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        }
    }

    /**
     * One transaction per chunk; if another writer got in first for one of its units, the chunk is stored again
     * unit by unit, so that only that unit is refused.
     */
    private List<SubmissionService.BatchOutcome> chunk(List<Map.Entry<String, SubmissionInput>> chunk, SubmissionJson.Batch batch) {
        Consumer<String> allowed = unit -> access.requireWithin(principal.get(), unit, batch.year());
        try {
            return service.submitAll(batch.year(), chunk, batch.dryRun(), allowed);
        } catch (ProblemException conflict) {
            if (conflict.error() != ErrorCode.SUBMISSION_CONCURRENT_WRITE) {
                throw conflict;
            }
            List<SubmissionService.BatchOutcome> outcomes = new ArrayList<>();
            for (Map.Entry<String, SubmissionInput> item : chunk) {
                try {
                    outcomes.addAll(service.submitAll(batch.year(), List.of(item), batch.dryRun(), allowed));
                } catch (ProblemException p) {
                    outcomes.add(new SubmissionService.BatchOutcome(item.getKey(), null, p));
                }
            }
            return outcomes;
        }
    }

    private SubmissionViews.Stored stored(StoredSubmission s) {
        var figures = service.figures(s);
        var declared = service.declared(s);
        return new SubmissionViews.Stored(s.unit(), s.year(), s.version(), s.template(), s.submittedBy(), s.submittedAt(),
                figures.decimals(), figures.notApplicable(), declared == null ? null : declared.decimals());
    }

    private List<Change> changes(StoredSubmission before, StoredSubmission s) {
        if (s.changes() != null) {
            return Json.read(s.changes(), CHANGES);
        }
        return service.changes(before, s).stream()
                .map(c -> new Change(c.cell(), c.before(), c.after(), c.notApplicableBefore() ? Boolean.TRUE : null,
                        c.notApplicableAfter() ? Boolean.TRUE : null)).toList();
    }

    /** The findings a rejected batch item carries (a rejection for another reason, such as an unknown unit, has none). */
    private static List<FindingView> findings(ProblemException rejected) {
        return rejected.errors() == null ? List.of() : rejected.errors().stream()
                .filter(FindingView.class::isInstance).map(FindingView.class::cast).toList();
    }

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};
}
