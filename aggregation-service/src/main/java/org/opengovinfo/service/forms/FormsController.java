package org.opengovinfo.service.forms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.submissions.FiguresPut;
import org.opengovinfo.service.submissions.SubmissionViews;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Representation;
import org.opengovinfo.service.system.Words;

/**
 * The report in the official layout (HTML, XLSX, CSV), the empty form, and a filled-in form (XLSX, CSV) submitted
 * as a unit's figures. The format is {@code ?format=} or, without it, the first of ours the {@code Accept} header
 * names; an unknown {@code ?format=} is 400 {@code request.unknown_format}, an {@code Accept} naming none of ours 406
 * {@code request.not_acceptable}.
 */
@Tag(name = "forms")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class FormsController {

    static final String XLSX = Representation.XLSX_TYPE;
    static final String CSV = Representation.CSV_TYPE;

    private final FormsService forms;
    private final ReportPage page;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    FormsController(FormsService forms, ReportPage page, AccessControl access, CurrentPrincipal principal) {
        this.forms = forms;
        this.page = page;
        this.access = access;
        this.principal = principal;
    }

    @Operation(operationId = "getForm", summary = "The empty form of a unit and year, to fill in (XLSX by default, or "
            + "?format=csv|html, or by Accept); its heading names the unit, year and format")
    @ApiResponse(responseCode = "200", description = "The empty form", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No such unit, or not in force that year (unit.not_found, unit.not_in_force)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Get(uri = "/units/{id}/form/{year}", produces = {XLSX, CSV, MediaType.TEXT_HTML})
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    HttpResponse<?> form(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String format,
                         HttpRequest<?> request) {
        Representation f = Representation.choose(format, request.getHeaders().get(HttpHeaders.ACCEPT),
                Representation.XLSX, Representation.CSV, Representation.HTML);
        return answer(forms.report(id, ReportYears.parse(year), Source.EMPTY, null), f);
    }

    @Operation(operationId = "getReport", summary = "A unit's report of a year in the official layout: its own figures "
            + "(?source=own, the default) or its consolidated figures (?source=consolidated, the latest snapshot or "
            + "?snapshot=), as printable HTML (the default), XLSX or CSV (?format= or Accept)")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No figures or no snapshot (submission.none, rollup.none, rollup.not_found, rollup.unit_not_in_snapshot)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The snapshot is of another year (rollup.snapshot_other_year)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Get(uri = "/units/{id}/report/{year}", produces = {MediaType.TEXT_HTML, XLSX, CSV})
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    HttpResponse<?> report(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String source,
                           @QueryValue @Nullable String snapshot, @QueryValue @Nullable String format,
                           HttpRequest<?> request) {
        int y = ReportYears.parse(year);
        Source s = source == null ? Source.OWN : Source.parse(source).filter(x -> x != Source.EMPTY).orElseThrow(() ->
                ErrorCode.REQUEST_INVALID_PARAMETER.problem("source", Redaction.clip(source),
                        new Words("own 或 consolidated", "own or consolidated")));
        // @Access checks the unit and year; which figures decides the permission: a unit's own figures are for those
        // who may read figures (reporters too), consolidated ones for those who may pull them (readers too)
        access.require(principal.get(), s == Source.OWN ? Permission.READ_FIGURES : Permission.READ_CONSOLIDATED);
        if (s == Source.OWN) {
            if (snapshot != null) {
                throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("snapshot", Redaction.clip(snapshot),
                        new Words("与 source=consolidated 一起使用", "given with source=consolidated"));
            }
        }
        Representation f = Representation.choose(format, request.getHeaders().get(HttpHeaders.ACCEPT),
                Representation.HTML, Representation.XLSX, Representation.CSV);
        return answer(forms.report(id, y, s, snapshot), f);
    }

    @Operation(operationId = "putFiguresForm", summary = "Submit a unit's figures for a year as a filled-in form: the "
            + "XLSX form or the CSV form as saved by Excel or WPS (UTF-8 or GBK). The same path as JSON: ?dryRun=true, "
            + "If-Match, findings, and 422 with every finding, each with its place in the form")
    @RequestBody(content = {
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "Stored, unchanged or (dry run) valid; findings with places",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionViews.Result.class)))
    @ApiResponse(responseCode = "400", description = "Not a workbook, or not CSV (request.malformed_xlsx, request.malformed_csv)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Another writer stored figures meanwhile, or the report is locked",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version (submission.version_mismatch)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Rejected with every finding and its place (submission.rejected), "
            + "or the form is another unit's or year's, a report rather than a form, rearranged, or a CSV line has "
            + "more values than columns (form.other_unit, form.not_a_form, form.changed, form.unknown_label, form.extra_values)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Put(uri = "/units/{id}/figures/{year}", consumes = {XLSX, CSV})
    @ExecuteOn("submissions")
    @Access(value = Permission.WRITE_FIGURES, unit = "id", year = "year")
    HttpResponse<SubmissionViews.Result> putForm(@PathVariable String id, @PathVariable String year, @Body byte[] body,
                                                 @QueryValue @Nullable String dryRun,
                                                 @Header("If-Match") @Nullable String ifMatch,
                                                 @Header(HttpHeaders.CONTENT_TYPE) String contentType) {
        int y = ReportYears.parse(year);
        FormsService.Kind kind = contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CSV)
                ? FormsService.Kind.CSV : FormsService.Kind.XLSX;
        FiguresPut.Answer answer = forms.submit(id, y, kind, body, FiguresPut.dryRun(dryRun), ifMatch);
        MutableHttpResponse<SubmissionViews.Result> response = HttpResponse.ok(answer.result());
        return answer.etag() == null ? response : response.header("ETag", answer.etag());
    }

    private HttpResponse<?> answer(FormsService.Report report, Representation format) {
        FormHeading h = report.heading();
        String file = h.unit() + "-" + h.year() + "-" + h.source().code();
        return switch (format) {
            case XLSX -> HttpResponse.ok(FormWorkbook.write(report.layout(), h, report.figures()))
                    .contentType(format.type()).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"");
            case CSV -> HttpResponse.ok(FormCsv.write(report.template(), h, report.figures()))
                    .contentType(format.type()).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"");
            case HTML -> HttpResponse.ok(page.render(report).getBytes(StandardCharsets.UTF_8)).contentType(format.type())
                    .header("Content-Security-Policy", ReportPage.CONTENT_SECURITY_POLICY);
            case JSON, SDMX, TEXT -> throw new IllegalStateException("reports are not offered as " + format.code());
        };
    }
}
