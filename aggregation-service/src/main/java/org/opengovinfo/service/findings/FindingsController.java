package org.opengovinfo.service.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.Languages;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Representation;
import org.opengovinfo.service.system.ReportYears;

/** Findings across a subtree, for the office that works through them. */
@Tag(name = "findings")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units/{id}")
class FindingsController {


    private final FindingsService findings;

    FindingsController(FindingsService findings) {
        this.findings = findings;
    }

    @ApiResponse(responseCode = "200", description = "The findings (JSON), or one line per finding (CSV)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingsBelow.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(operationId = "findingsBelow", summary = "Every finding on the current figures of a unit's subtree for a "
            + "year (own figures and rollup reconciliation), filtered by ?rule=, ?severity=, ?kind=, ?unit=; "
            + "?format=csv for one line per finding")
    @Get(uri = "/findings/{year}", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    HttpResponse<?> below(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String rule,
                          @QueryValue @Nullable String severity, @QueryValue @Nullable String kind,
                          @QueryValue @Nullable String unit, @QueryValue @Nullable String format,
                          @Header("Accept") @Nullable String accept) {
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV);
        FindingsBelow below = findings.below(id, ReportYears.parse(year),
                FindingsService.Filter.parse(rule, severity, kind, unit));
        return as == Representation.CSV
                ? HttpResponse.ok(FindingsCsv.write(below, Languages.english())).contentType(Representation.CSV.type())
                : HttpResponse.ok(below).contentType(Representation.JSON.type());
    }
}
