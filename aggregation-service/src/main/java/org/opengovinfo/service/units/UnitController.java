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
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.access.Principal;
import org.opengovinfo.service.system.ProblemException;

@Tag(name = "units")
@Controller("/api/v1/units")
class UnitController {

    private final UnitService service;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    UnitController(UnitService service, AccessControl access, CurrentPrincipal principal) {
        this.service = service;
        this.access = access;
        this.principal = principal;
    }

    /** A scoped administrator may place units only under units of its own subtree, never at the top. */
    private void requireWritable(List<UnitInput> units) {
        Principal who = principal.get();
        if (who.scope() == null) {
            return;
        }
        for (UnitInput u : units) {
            List<UnitInput.PlacementInput> placements = u.placements() != null && !u.placements().isEmpty()
                    ? u.placements() : List.of(new UnitInput.PlacementInput(u.fromYear(), u.toYear(), u.parent()));
            for (UnitInput.PlacementInput p : placements) {
                if (p.parent() == null) {
                    access.requireGlobal(who, "place unit " + u.id() + " at the top");
                } else {
                    access.requireWithin(who, p.parent(), p.fromYear());
                }
            }
        }
    }

    @Operation(summary = "Create a unit; its id is never reused")
    @Post
    @Access(Permission.MANAGE_UNITS)
    HttpResponse<UnitView> create(@Body UnitInput unit) {
        requireWritable(List.of(unit));
        Unit created = service.create(unit);
        return HttpResponse.created(UnitView.of(created), URI.create("/api/v1/units/" + created.id()));
    }

    @Operation(summary = "Replace a unit's name, kind, years and placements")
    @Put("/{id}")
    @Access(Permission.MANAGE_UNITS)
    UnitView update(@PathVariable String id, @Body UnitInput unit) {
        requireWritable(List.of(unit));
        return UnitView.of(service.update(id, unit));
    }

    @Get("/{id}")
    @Access(Permission.READ_UNITS)
    UnitView get(@PathVariable String id) {
        return UnitView.of(service.get(id));
    }

    @Operation(summary = "The units directly below a unit in a year")
    @Get("/{id}/children")
    @Access(Permission.READ_UNITS)
    List<UnitView> children(@PathVariable String id, @QueryValue @Nullable Integer year) {
        return service.children(id, requireYear(year)).stream().map(UnitView::of).toList();
    }

    @Operation(summary = "A unit and everything below it in a year, breadth first")
    @Get("/{id}/subtree")
    @Access(Permission.READ_UNITS)
    List<SubtreeEntry> subtree(@PathVariable String id, @QueryValue @Nullable Integer year) {
        return service.subtree(id, requireYear(year));
    }

    @Operation(summary = "Create or replace many units at once, all or nothing")
    @Post(uri = "/import", consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.MANAGE_UNITS)
    ImportSummary importUnits(@Body UnitImport body) {
        if (body.units() == null || body.units().isEmpty()) {
            throw ProblemException.badRequest("unit.import_empty", "give the units to import as {\"units\": [...]}");
        }
        requireWritable(body.units());
        return service.importUnits(body.units());
    }

    @Operation(summary = "The same import from CSV: id,name,kind,divisionCode,fromYear,toYear,parent — one row per "
            + "unit, or one per span of years for a unit that moved")
    @Post(uri = "/import", consumes = "text/csv")
    @Access(Permission.MANAGE_UNITS)
    ImportSummary importCsv(@Body String csv) {
        List<UnitInput> units = UnitCsv.parse(csv);
        if (units.isEmpty()) {
            throw ProblemException.badRequest("unit.import_empty", "the CSV lists no units");
        }
        requireWritable(units);
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
