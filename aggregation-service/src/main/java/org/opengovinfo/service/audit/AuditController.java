package org.opengovinfo.service.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;

@Tag(name = "audit")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class AuditController {

    private static final Words LIMIT = new Words("1–1000 之间的整数", "a whole number from 1 to 1000");

    private final AuditLog audit;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    AuditController(AuditLog audit, AccessControl access, CurrentPrincipal principal) {
        this.audit = audit;
        this.access = access;
        this.principal = principal;
    }

    @Operation(operationId = "listAudit", summary = "The audit trail, newest first: every write with its principal, by unit, year and principal. "
            + "A token for a subtree gives ?unit= within it: in ?year= if given, else the unit must lie within it in "
            + "every year it is in force (its events of all years are shown).")
    @Get("/audit")
    @Access(value = Permission.READ_AUDIT, unit = "unit", year = "year", whenNoYear = Access.NoYear.EVERY_YEAR)
    @Transactional(readOnly = true)
    List<AuditLog.Event> audit(@QueryValue @Nullable String unit, @QueryValue @Nullable String year,
                               @QueryValue @Nullable String principal, @QueryValue @Nullable String limit) {
        if (unit == null) {
            access.requireGlobal(this.principal.get(), new Words("查看全部审计记录；请用 ?unit= 指定您范围内的单位",
                    "read the whole audit trail; give ?unit= within your subtree"));
        }
        if (limit != null && !limit.matches("[1-9][0-9]{0,2}|1000")) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("limit", Redaction.clip(limit), LIMIT);
        }
        return audit.find(unit, year == null ? null : ReportYears.parse(year), principal,
                limit == null ? 100 : Integer.parseInt(limit));
    }
}
