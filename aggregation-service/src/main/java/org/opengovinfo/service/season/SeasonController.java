package org.opengovinfo.service.season;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.Bodies;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Representation;
import org.opengovinfo.service.system.SpreadsheetText;
import org.opengovinfo.service.system.ReportYears;

/** The season's moves on one unit's report for a year, and 报送进度 of a subtree. */
@Tag(name = "season")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units/{id}")
class SeasonController {

    private static final CsvMapper CSV_MAPPER = new CsvMapper();

    private final SeasonService season;

    SeasonController(SeasonService season) {
        this.season = season;
    }

    /** A hand-in: the version seen (optional) and, for a consolidating unit, the units below it named as missing. */
    @Serdeable
    record SubmitRequest(@Nullable Integer version, @Nullable List<String> missing) {
    }

    /** A review: the version reviewed (optional: the current one) and, to return a report, why. */
    @Serdeable
    record ReviewRequest(@Nullable Integer version, @Nullable String comment) {
    }

    /** A reopening, with its reason. */
    @Serdeable
    record ReopenRequest(@Nullable String reason) {
    }

    @Operation(operationId = "readReport", summary = "Where a unit's report for a year stands, and its history")
    @Get("/reports/{year}")
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    ReportDetail report(@PathVariable String id, @PathVariable String year) {
        return season.detail(id, ReportYears.parse(year));
    }

    @ApiResponse(responseCode = "409", description = "The report is not a draft or returned, is locked, or units below are not accepted (report.wrong_state, figures.locked, report.subtree_not_accepted)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "No figures, all blank, or invalid missing units (report.no_figures, report.blank, report.missing_invalid)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "submitReport", summary = "Hand a report in (报送); a consolidating unit only once every "
            + "unit below it is accepted, or names the others in missing")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmitRequest.class)))
    @Post(uri = "/reports/{year}/submit", consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.WRITE_FIGURES, unit = "id", year = "year")
    Report submit(@PathVariable String id, @PathVariable String year, @Body @Nullable String body) {
        SubmitRequest request = read(body, SubmitRequest.class, new SubmitRequest(null, null));
        return season.submit(id, ReportYears.parse(year), request.version(), request.missing());
    }

    @ApiResponse(responseCode = "409", description = "The report is not handed in, or changed meanwhile (report.wrong_state, report.changed)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "acceptReport", summary = "Accept a handed-in report (审核通过); its figures lock")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRequest.class)))
    @Post(uri = "/reports/{year}/accept", consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.REVIEW, unit = "id", year = "year")
    Report accept(@PathVariable String id, @PathVariable String year, @Body @Nullable String body) {
        ReviewRequest request = read(body, ReviewRequest.class, new ReviewRequest(null, null));
        return season.accept(id, ReportYears.parse(year), request.version());
    }

    @ApiResponse(responseCode = "409", description = "The report is not handed in, or changed meanwhile (report.wrong_state, report.changed)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "A comment is required (report.comment_required)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "returnReport", summary = "Return a handed-in report to its unit (退回) with a comment")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRequest.class)))
    @Post(uri = "/reports/{year}/return", consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.REVIEW, unit = "id", year = "year")
    Report giveBack(@PathVariable String id, @PathVariable String year, @Body @Nullable String body) {
        ReviewRequest request = read(body, ReviewRequest.class, new ReviewRequest(null, null));
        return season.giveBack(id, ReportYears.parse(year), request.version(), request.comment());
    }

    @ApiResponse(responseCode = "409", description = "The report is not accepted (report.wrong_state)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "A reason is required (report.comment_required)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "reopenReport", summary = "Reopen an accepted report (解锁) with a reason: it goes back to "
            + "its unit as returned")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReopenRequest.class)))
    @Post(uri = "/reports/{year}/reopen", consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.REVIEW, unit = "id", year = "year")
    Report reopen(@PathVariable String id, @PathVariable String year, @Body @Nullable String body) {
        ReopenRequest request = read(body, ReopenRequest.class, new ReopenRequest(null));
        return season.reopen(id, ReportYears.parse(year), request.reason());
    }

    @ApiResponse(responseCode = "200", description = "The reporting status (JSON), or one line per unit below (CSV)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportingStatus.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(operationId = "reportingStatus", summary = "报送进度: the subtree's reports by state, on time and late, "
            + "per unit below, and whom to chase; ?format=csv for one line per unit below")
    @Get(uri = "/status/{year}", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Access(value = Permission.ROLL_UP, unit = "id", year = "year")
    HttpResponse<?> status(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String format,
                           @Header("Accept") @Nullable String accept) {
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV);
        ReportingStatus status = season.status(id, ReportYears.parse(year));
        return as == Representation.CSV ? HttpResponse.ok(csv(status)).contentType(Representation.CSV.type())
                : HttpResponse.ok(status).contentType(Representation.JSON.type());
    }

    /** One line per unit below and a last line for the whole subtree; UTF-8 with a byte order mark, for Excel. */
    private static String csv(ReportingStatus status) {
        CsvSchema.Builder schema = CsvSchema.builder();
        List<String> header = new ArrayList<>(List.of("unit", "name", "kind", "state", "units"));
        for (ReportState s : ReportState.values()) {
            header.add(s.code());
        }
        header.addAll(List.of("on_time", "late", "on_time_rate", "days_late_most"));
        header.forEach(schema::addColumn);
        List<List<Object>> rows = new ArrayList<>();
        for (ReportingStatus.Line line : status.below()) {
            rows.add(row(line.unit(), SpreadsheetText.guarded(line.name()), line.kind(), line.state().code(), line.counts()));
        }
        rows.add(row(status.unit(), "合计", "", "", status.total()));
        try {
            return "\uFEFF" + CSV_MAPPER.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status as CSV", e);
        }
    }

    private static List<Object> row(String unit, String name, String kind, String state, ReportingStatus.Counts c) {
        List<Object> row = new ArrayList<>(List.of(unit, name, kind, state, c.units()));
        for (ReportState s : ReportState.values()) {
            row.add(c.byState().get(s.code()));
        }
        row.add(c.onTime());
        row.add(c.late());
        row.add(c.onTimeRate() == null ? "" : c.onTimeRate().toPlainString());
        row.add(c.daysLateMost());
        return row;
    }

    /** The body, or {@code empty} for a request sent without one. */
    private static <T> T read(String body, Class<T> type, T empty) {
        return body == null || body.isBlank() ? empty : Bodies.read(body, type);
    }
}
