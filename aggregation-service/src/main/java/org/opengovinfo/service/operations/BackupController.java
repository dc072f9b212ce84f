package org.opengovinfo.service.operations;

import io.micronaut.http.MediaType;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;

/** Administrators take an online backup of the embedded database (PostgreSQL: pg_dump, see the README). */
@Controller("/api/v1")
@Tag(name = "operations")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @Post("/backups")
    @ApiResponse(responseCode = "201", description = "Written to DATA_DIR/backups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupService.Backup.class)))
    @ApiResponse(responseCode = "409", description = "The database is PostgreSQL: use pg_dump (backup.not_embedded)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "createBackup", summary = "Write an online backup of the embedded H2 database to "
            + "DATA_DIR/backups (a gzipped SQL script that H2's RunScript loads into an empty database)")
    @Access(Permission.BACK_UP)
    HttpResponse<BackupService.Backup> create() {
        return HttpResponse.created(backups.create());
    }
}
