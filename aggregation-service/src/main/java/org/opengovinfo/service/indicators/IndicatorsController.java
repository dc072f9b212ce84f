package org.opengovinfo.service.indicators;

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
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.Languages;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Representation;

/** Indicators of a unit's figures, rankings of the units below it, risk flags across its subtree. */
@Tag(name = "indicators")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units/{id}")
class IndicatorsController {

    private final IndicatorsService indicators;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    IndicatorsController(IndicatorsService indicators, AccessControl access, CurrentPrincipal principal) {
        this.indicators = indicators;
        this.access = access;
        this.principal = principal;
    }

    /**
     * {@code @Access} checks the unit in the year with the permission every reader of either kind of figures has;
     * which figures are asked for ({@code ?source=}) decides the permission, checked here: own figures need
     * {@code READ_FIGURES}, consolidated ones {@code READ_CONSOLIDATED}, as reading those figures does.
     */
    @ApiResponse(responseCode = "200", description = "The indicators (JSON), or one line per indicator (CSV)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitIndicators.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No figures submitted (submission.none) or, for "
            + "?source=consolidated, no rollup yet (rollup.none)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getIndicators", summary = "A unit's indicators for a year (实质公开率, 不予公开率, 无法提供率, "
            + "复议纠错率, 诉讼纠错率, new requests and their change from last year) from its own figures "
            + "(?source=own, the default) or its latest consolidated ones (?source=consolidated); ?format=csv")
    @Get(uri = "/indicators/{year}", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    HttpResponse<?> indicators(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String source,
                               @QueryValue @Nullable String format, @Header("Accept") @Nullable String accept) {
        Source s = Source.parse(source);
        access.require(principal.get(), s.permission());
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV);
        UnitIndicators found = indicators.indicators(id, ReportYears.parse(year), s);
        return as == Representation.CSV
                ? HttpResponse.ok(IndicatorsCsv.indicators(found, Languages.english())).contentType(Representation.CSV.type())
                : HttpResponse.ok(found).contentType(Representation.JSON.type());
    }

    @ApiResponse(responseCode = "200", description = "The rankings (JSON), or one line per child and indicator (CSV)",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rankings.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "422", description = "No unit below it that year (ranking.nothing_below)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getRankings", summary = "The units directly below a unit ranked by each indicator (or "
            + "?indicator=), with the weighted mean, median, P10, P90 and their spread; ?format=csv")
    @Get(uri = "/rankings/{year}", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    HttpResponse<?> rankings(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String indicator,
                             @QueryValue @Nullable String format, @Header("Accept") @Nullable String accept) {
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV);
        Rankings found = indicators.rankings(id, ReportYears.parse(year), indicator);
        return as == Representation.CSV
                ? HttpResponse.ok(IndicatorsCsv.rankings(found, Languages.english())).contentType(Representation.CSV.type())
                : HttpResponse.ok(found).contentType(Representation.JSON.type());
    }

    @ApiResponse(responseCode = "200", description = "The risk flags (JSON), or one line per flag (CSV)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Risks.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(operationId = "getRisks", summary = "Risk flags across a unit's subtree for a year, with the figures "
            + "behind each and the thresholds in force; ?format=csv")
    @Get(uri = "/risks/{year}", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    HttpResponse<?> risks(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String format,
                          @Header("Accept") @Nullable String accept) {
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV);
        Risks found = indicators.risks(id, ReportYears.parse(year));
        return as == Representation.CSV
                ? HttpResponse.ok(IndicatorsCsv.risks(found, Languages.english())).contentType(Representation.CSV.type())
                : HttpResponse.ok(found).contentType(Representation.JSON.type());
    }
}
