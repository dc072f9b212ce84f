package org.opengovinfo.service.text;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.submissions.FiguresPut;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Representation;
import org.opengovinfo.service.system.Words;

/**
 * The report's text: its standard text from a unit's figures, a text checked against tables, and a published report
 * (text or web page) read into the template's cells.
 */
@Tag(name = "text")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units/{id}")
class TextController {

    private static final String HTML = "text/html";

    private final TextService text;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    TextController(TextService text, AccessControl access, CurrentPrincipal principal) {
        this.text = text;
        this.access = access;
        this.principal = principal;
    }

    @Operation(operationId = "getStandardText", summary = "The numeric sentences a report states (requests received, "
            + "carried over, results by kind, carried forward; reconsiderations and lawsuits by result), written from "
            + "the unit's own figures (?source=own, the default) or its consolidated ones (?source=consolidated, the "
            + "latest snapshot or ?snapshot=); JSON with the cells each sentence states, or text/plain (?format=text)")
    @ApiResponse(responseCode = "200", description = "The standard text", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TextViews.StandardTextView.class)),
            @Content(mediaType = Representation.TEXT_TYPE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No figures or no snapshot (submission.none, rollup.none)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Get(uri = "/text/{year}", produces = {MediaType.APPLICATION_JSON, Representation.TEXT_TYPE})
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    HttpResponse<?> standardText(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String source,
                                 @QueryValue @Nullable String snapshot, @QueryValue @Nullable String format,
                                 @Header("Accept") @Nullable String accept) {
        TextService.Tables tables = stored(source, snapshot);
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.TEXT);
        TextViews.StandardTextView found = text.standardText(id, ReportYears.parse(year), tables, snapshot);
        return as == Representation.TEXT ? HttpResponse.ok(found.text()).contentType(Representation.TEXT.type())
                : HttpResponse.ok(found).contentType(Representation.JSON.type());
    }

    @Operation(operationId = "checkText", summary = "A report's text (the prose, or the whole published report; "
            + "text/plain, UTF-8 or GB18030) checked against tables: each number stated that contradicts them "
            + "(text.contradicts_table), and section 五, fees, all-closed claims, other years, heading numbers. The "
            + "tables: those inside the posted report when it holds them, else the unit's own figures; "
            + "?source=own|consolidated|report decides")
    @RequestBody(content = @Content(mediaType = Representation.TEXT_TYPE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The findings (none when the text agrees with the tables)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TextViews.TextCheckView.class)))
    @ApiResponse(responseCode = "422", description = "?source=report and no table in the text (text.no_tables)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(uri = "/text-checks/{year}", consumes = Representation.TEXT_TYPE, produces = MediaType.APPLICATION_JSON)
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    TextViews.TextCheckView check(@PathVariable String id, @PathVariable String year, @Body @Nullable byte[] body,
                                  @QueryValue @Nullable String source, @QueryValue @Nullable String snapshot) {
        TextService.Tables tables = source == null ? null : source.equals("report") ? TextService.Tables.REPORT
                : stored(source, snapshot);
        if (tables == null && snapshot != null) {
            throw snapshotAlone(snapshot);
        }
        return text.check(id, ReportYears.parse(year), body, tables, snapshot);
    }

    @Operation(operationId = "importReport", summary = "A published report read into the year's template: as text "
            + "(text/plain, UTF-8 or GB18030) or as the web page it was published on (text/html). Answers the figures "
            + "read, what could not be read and the rules' findings; stores nothing unless ?store=true, which puts the "
            + "figures through the same path as PUT …/figures/{year} (rules, If-Match, versions)")
    @RequestBody(content = {
            @Content(mediaType = Representation.TEXT_TYPE, schema = @Schema(type = "string")),
            @Content(mediaType = HTML, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "The figures read (and, with ?store=true, stored)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TextViews.ImportView.class)))
    @ApiResponse(responseCode = "409", description = "With ?store=true: another writer, or the report is locked",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "With ?store=true: If-Match names another version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "No table row could be read (import.no_tables), or with "
            + "?store=true the figures break a rule (submission.rejected)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(uri = "/imports/{year}", consumes = {Representation.TEXT_TYPE, HTML}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn("submissions")
    @Access(value = Permission.WRITE_FIGURES, unit = "id", year = "year")
    HttpResponse<TextViews.ImportView> importReport(@PathVariable String id, @PathVariable String year,
                                                    @Body @Nullable byte[] body, @QueryValue @Nullable String store,
                                                    @Header("If-Match") @Nullable String ifMatch,
                                                    @Header(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean storing = store != null && store.equals("true");
        if (store != null && !storing && !store.equals("false")) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("store", Redaction.clip(store), Words.TRUE_OR_FALSE);
        }
        TextService.From from = contentType.toLowerCase(Locale.ROOT).startsWith(HTML) ? TextService.From.HTML
                : TextService.From.TEXT;
        TextViews.ImportView view = text.importReport(id, ReportYears.parse(year), body, from, storing, ifMatch);
        return HttpResponse.ok(view);
    }

    /**
     * {@code own} (the default) or {@code consolidated}; the permission is checked here, as reading those figures
     * checks it: own figures need {@code READ_FIGURES}, consolidated ones {@code READ_CONSOLIDATED}.
     */
    private TextService.Tables stored(@Nullable String source, @Nullable String snapshot) {
        TextService.Tables tables;
        if (source == null || source.equals("own")) {
            tables = TextService.Tables.OWN;
        } else if (source.equals("consolidated")) {
            tables = TextService.Tables.CONSOLIDATED;
        } else {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("source", Redaction.clip(source),
                    new Words("own、consolidated 或 report", "own, consolidated or report"));
        }
        if (tables == TextService.Tables.OWN && snapshot != null) {
            throw snapshotAlone(snapshot);
        }
        access.require(principal.get(), tables == TextService.Tables.OWN ? Permission.READ_FIGURES : Permission.READ_CONSOLIDATED);
        return tables;
    }

    private static RuntimeException snapshotAlone(String snapshot) {
        return ErrorCode.REQUEST_INVALID_PARAMETER.problem("snapshot", Redaction.clip(snapshot),
                new Words("与 source=consolidated 一起使用", "given with source=consolidated"));
    }
}
