package org.opengovinfo.service.publications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.net.URI;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.Bodies;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;

@Tag(name = "publications")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units/{id}/publications/{year}")
class PublicationController {

    private final PublicationService publications;

    PublicationController(PublicationService publications) {
        this.publications = publications;
    }

    /** The units below that are not accepted and are published without (recorded with the publication). */
    @Serdeable
    record PublishRequest(@Nullable List<String> missing) {
    }

    /** Why a publication is reopened. */
    @Serdeable
    record ReopenRequest(@Nullable String reason) {
    }

    @ApiResponse(responseCode = "201", description = "Published; Location names the publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class)))
    @ApiResponse(responseCode = "409", description = "Reports below are not accepted, or a publication stands (report.subtree_not_accepted, publication.standing)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Nothing below the unit, or invalid missing units (rollup.nothing_below, report.missing_invalid)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "publishYear", summary = "Publish a unit's year (发布): a snapshot over accepted figures; "
            + "every report of the subtree for the year locks")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishRequest.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.PUBLISH, unit = "id", year = "year")
    HttpResponse<PublicationView> publish(@PathVariable String id, @PathVariable String year, @Body @Nullable String body) {
        PublishRequest request = body == null || body.isBlank() ? new PublishRequest(null) : Bodies.read(body, PublishRequest.class);
        PublicationView published = publications.publish(id, ReportYears.parse(year), request.missing());
        return HttpResponse.created(published, URI.create("/api/v1/units/" + id + "/publications/" + published.year()
                + "/" + published.sequence()));
    }

    @Operation(operationId = "listPublications", summary = "A unit's publications of a year, first first")
    @Get
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    List<PublicationView> list(@PathVariable String id, @PathVariable String year) {
        return publications.list(id, ReportYears.parse(year));
    }

    @ApiResponse(responseCode = "409", description = "No publication stands (publication.not_standing)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "A reason is required (report.comment_required)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "reopenPublication", summary = "Reopen the standing publication (更正), administrators "
            + "only, with a reason: the subtree's reports unlock")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReopenRequest.class)))
    @Post(uri = "/reopen", consumes = MediaType.APPLICATION_JSON)
    @Access(value = Permission.REOPEN_PUBLICATION, unit = "id", year = "year")
    PublicationView reopen(@PathVariable String id, @PathVariable String year, @Body @Nullable String body) {
        ReopenRequest request = body == null || body.isBlank() ? new ReopenRequest(null) : Bodies.read(body, ReopenRequest.class);
        return publications.reopen(id, ReportYears.parse(year), request.reason());
    }

    @Operation(operationId = "diffPublications", summary = "What changed between two publications of the year, by how "
            + "much, because of which units, and why (reopenings and returns in between)")
    @Get("/diff")
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    PublicationDiff diff(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String from,
                         @QueryValue @Nullable String to) {
        return publications.diff(id, ReportYears.parse(year), sequence("from", from), sequence("to", to));
    }

    private static int sequence(String name, String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,5}")) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem(name, Redaction.clip(value), Words.WHOLE_NUMBER);
        }
        return Integer.parseInt(value);
    }
}
