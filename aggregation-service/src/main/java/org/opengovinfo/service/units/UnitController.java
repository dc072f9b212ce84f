package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.Bodies;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;

/**
 * Units: a caller with a subtree creates, replaces and moves units only within it, in every year the change affects,
 * before and after the change (see {@link ScopeRule}); reads without a year see the unit as it stands this year.
 */
@Tag(name = "units")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units")
class UnitController {

    private final UnitService service;

    UnitController(UnitService service) {
        this.service = service;
    }

    @ApiResponse(responseCode = "201", description = "Created; Location names the unit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    @ApiResponse(responseCode = "409", description = "The id is taken (unit.exists)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Invalid unit, parent or placements (unit.*, hierarchy.*)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "createUnit", summary = "Create a unit; its id is never reused")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitInput.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.MANAGE_UNITS)
    HttpResponse<UnitView> create(@Body String body) {
        Unit created = service.create(Bodies.read(body, UnitInput.class, UnitController::mismatch));
        return HttpResponse.created(UnitView.of(created), URI.create("/api/v1/units/" + created.id()));
    }

    @ApiResponse(responseCode = "422", description = "Invalid unit, parent or placements (unit.*, hierarchy.*)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "updateUnit", summary = "Replace a unit's name, kind, years and placements")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitInput.class)))
    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.MANAGE_UNITS, unit = "id", whenNoYear = Access.NoYear.CHECKED_BY_METHOD)
    UnitView update(@PathVariable String id, @Body String body) {
        return UnitView.of(service.update(id, Bodies.read(body, UnitInput.class, UnitController::mismatch)));
    }

    @Operation(operationId = "getUnit", summary = "A unit with its placements; access is checked in ?year= (default: this year)")
    @Get("/{id}")
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year", whenNoYear = Access.NoYear.PRESENT_YEAR)
    UnitView get(@PathVariable String id, @QueryValue @Nullable String year) {
        return UnitView.of(service.get(id));
    }

    @Operation(operationId = "listChildren", summary = "The units directly below a unit in a year")
    @Get("/{id}/children")
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    List<UnitView> children(@PathVariable String id, @QueryValue @Nullable String year) {
        return service.children(id, requireYear(year)).stream().map(UnitView::of).toList();
    }

    @Operation(operationId = "getSubtree", summary = "A unit and everything below it in a year, breadth first")
    @Get("/{id}/subtree")
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    List<SubtreeEntry> subtree(@PathVariable String id, @QueryValue @Nullable String year) {
        return service.subtree(id, requireYear(year));
    }

    @Operation(operationId = "importUnits", summary = "Create or replace many units at once, all or nothing")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitImport.class)))
    @Post(uri = "/import", consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.MANAGE_UNITS)
    ImportSummary importUnits(@Body String body) {
        UnitImport units = Bodies.read(body, UnitImport.class, UnitController::mismatch);
        if (units.units() == null || units.units().isEmpty()) {
            throw ErrorCode.UNIT_IMPORT_EMPTY.problem();
        }
        List<UnitService.Incoming> incoming = new ArrayList<>();
        for (UnitInput u : units.units()) {
            if (u == null) {
                throw mismatch(new Bodies.Mismatch("units[" + incoming.size() + "]", Words.OBJECT));
            }
            incoming.add(new UnitService.Incoming(u, null));
        }
        return service.importUnits(incoming);
    }

    @ApiResponse(responseCode = "422", description = "Every problem of the import, nothing stored (unit.*, hierarchy.*)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "importUnitsCsv", summary = "The same import from CSV: id,name,kind,divisionCode,fromYear,toYear,parent — one row per "
            + "unit, or one per span of years for a unit that moved; problems name the CSV line")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @Post(uri = "/import", consumes = "text/csv")
    @Access(Permission.MANAGE_UNITS)
    ImportSummary importCsv(@Body String csv) {
        if (csv == null || csv.isBlank()) {
            throw ErrorCode.REQUEST_BODY_MISSING.problem();
        }
        List<UnitCsv.Row> rows = UnitCsv.parse(csv);
        if (rows.isEmpty()) {
            throw ErrorCode.UNIT_IMPORT_EMPTY.problem();
        }
        return service.importUnits(rows.stream().map(r -> new UnitService.Incoming(r.unit(), r.line())).toList());
    }

    @Serdeable
    record UnitImport(@Nullable List<UnitInput> units) {
    }

    /** A value of the wrong JSON type in a unit is one of the unit's problems, listed like the others. */
    private static ProblemException mismatch(Bodies.Mismatch m) {
        return ErrorCode.UNIT_INVALID.problemWith(
                List.of(UnitProblem.of(ErrorCode.UNIT_WRONG_TYPE, null, null, m.path(), m.expected())), 1);
    }

    private static int requireYear(String year) {
        if (year == null) {
            throw ErrorCode.REQUEST_YEAR_REQUIRED.problem();
        }
        return ReportYears.parse(year);
    }
}
