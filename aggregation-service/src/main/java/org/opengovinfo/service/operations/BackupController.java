package org.opengovinfo.service.operations;

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
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @Post("/backups")
    @Operation(operationId = "createBackup", summary = "Write an online backup of the embedded H2 database to "
            + "DATA_DIR/backups (a gzipped SQL script that H2's RunScript loads into an empty database)")
    @Access(Permission.BACK_UP)
    HttpResponse<BackupService.Backup> create() {
        return HttpResponse.created(backups.create());
    }
}
