package org.opengovinfo.service.templates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;

@Tag(name = "templates")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/templates")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @Operation(operationId = "listTemplates", summary = "The report formats, oldest first; with ?year= only the one in force that year")
    @Get
    @Access(value = Permission.READ_TEMPLATES, year = "year", whenNoYear = Access.NoYear.EVERY_YEAR)
    List<TemplateViews.Summary> list(@QueryValue @Nullable String year) {
        if (year == null) {
            return templates.all().stream().map(TemplateViews::summary).toList();
        }
        int y = ReportYears.parse(year);
        return List.of(TemplateViews.summary(templates.forYear(y).orElseThrow(() ->
                ErrorCode.TEMPLATE_NONE_FOR_YEAR.problem(y))));
    }

    @Operation(operationId = "getTemplate", summary = "A report format with every table, cell (code, labels, unit, kind, consolidation) and rule")
    @Get("/{template}")
    @Access(Permission.READ_TEMPLATES)
    TemplateViews.Detail get(@PathVariable String template) {
        return TemplateViews.detail(templates.byId(template).orElseThrow(() ->
                ErrorCode.TEMPLATE_NOT_FOUND.problem(Redaction.clip(template))));
    }
}
