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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.opengovinfo.service.system.ProblemException;

@Tag(name = "units")
@Controller("/api/v1/units")
class UnitController {

    private final UnitService service;

    UnitController(UnitService service) {
        this.service = service;
    }

    @Operation(summary = "Create a unit; its id is never reused")
    @Post
    HttpResponse<UnitView> create(@Body UnitInput unit) {
        Unit created = service.create(unit);
        return HttpResponse.created(UnitView.of(created), URI.create("/api/v1/units/" + created.id()));
    }

    @Operation(summary = "Replace a unit's name, kind, years and placements")
    @Put("/{id}")
    UnitView update(@PathVariable String id, @Body UnitInput unit) {
        return UnitView.of(service.update(id, unit));
    }

    @Get("/{id}")
    UnitView get(@PathVariable String id) {
        return UnitView.of(service.get(id));
    }

    @Operation(summary = "The units directly below a unit in a year")
    @Get("/{id}/children")
    List<UnitView> children(@PathVariable String id, @QueryValue @Nullable Integer year) {
        return service.children(id, requireYear(year)).stream().map(UnitView::of).toList();
    }

    @Operation(summary = "A unit and everything below it in a year, breadth first")
    @Get("/{id}/subtree")
    List<SubtreeEntry> subtree(@PathVariable String id, @QueryValue @Nullable Integer year) {
        return service.subtree(id, requireYear(year));
    }

    @Operation(summary = "Create or replace many units at once, all or nothing")
    @Post(uri = "/import", consumes = MediaType.APPLICATION_JSON)
    ImportSummary importUnits(@Body UnitImport body) {
        if (body.units() == null || body.units().isEmpty()) {
            throw ProblemException.badRequest("unit.import_empty", "give the units to import as {\"units\": [...]}");
        }
        return service.importUnits(body.units());
    }

    @Operation(summary = "The same import from CSV: id,name,kind,divisionCode,fromYear,toYear,parent — one row per "
            + "unit, or one per span of years for a unit that moved")
    @Post(uri = "/import", consumes = "text/csv")
    ImportSummary importCsv(@Body String csv) {
        List<UnitInput> units = UnitCsv.parse(csv);
        if (units.isEmpty()) {
            throw ProblemException.badRequest("unit.import_empty", "the CSV lists no units");
        }
        return service.importUnits(units);
    }

    @Serdeable
    record UnitImport(@Nullable List<UnitInput> units) {
    }

    private static int requireYear(Integer year) {
        if (year == null) {
            throw ProblemException.badRequest("request.year_required", "give the report year as ?year=");
        }
        return year;
    }
}
