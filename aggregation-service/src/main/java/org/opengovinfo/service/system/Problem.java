package org.opengovinfo.service.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An error answer, served as {@code application/problem+json} (RFC 9457) with a stable {@code code} for scripts.
 *
 * @param type a URI naming the problem kind: {@code urn:problem:<code>}
 * @param detail what went wrong, in the request's language ({@code Accept-Language}; Chinese by default)
 * @param detailZh the same in Chinese; {@code detailEn} in English
 * @param errors every individual problem (findings, unknown fields, hierarchy problems), so a client gets all at once
 */
@Serdeable
@Schema(name = "Problem", description = "A refusal, as application/problem+json (RFC 9457)")
public record Problem(String type, String title, int status,
                      @Schema(description = "stable code, one of ErrorCode's (ErrorCodesDocumentedTest keeps this list whole)",
                              allowableValues = {
            "request.body_missing", "request.malformed_json", "request.duplicate_key", "request.unknown_field",
            "request.wrong_type", "request.malformed_csv", "request.too_large", "request.unsupported_media_type",
            "request.not_acceptable", "request.method_not_allowed", "route.not_found", "request.invalid",
            "request.invalid_parameter", "request.year_required", "request.invalid_year", "year.unsupported",
            "request.unknown_format", "request.cors_refused", "request.timeout", "server.error", "auth.missing",
            "auth.malformed", "auth.invalid", "auth.expired", "auth.revoked", "access.forbidden", "unit.not_found",
            "unit.not_in_force", "unit.exists", "unit.id_mismatch", "unit.invalid", "hierarchy.invalid",
            "unit.import_empty", "unit.invalid_id", "unit.invalid_name", "unit.unknown_kind",
            "unit.invalid_division_code", "unit.invalid_years", "unit.invalid_placement",
            "unit.parent_and_placements", "unit.placements_do_not_cover", "unit.listed_twice", "unit.wrong_type",
            "unit.unknown_parent", "unit.parent_not_in_force", "hierarchy.cycle", "submission.rejected",
            "submission.no_template", "submission.year_outside_unit", "submission.wrong_template",
            "submission.not_consolidating", "submission.version_mismatch", "submission.concurrent_write",
            "submission.none", "submission.no_such_version", "batch.unit_listed_twice", "figures.locked",
            "report.no_figures", "report.blank", "report.wrong_state", "report.changed", "report.subtree_not_accepted",
            "report.missing_invalid", "report.comment_required", "report.concurrent_change", "publication.not_found",
            "publication.standing", "publication.not_standing", "publication.locked_above", "rollup.not_found",
            "rollup.none", "rollup.unit_not_in_snapshot", "rollup.snapshot_other_year", "rollup.not_comparable",
            "rollup.no_template", "rollup.nothing_below", "indicator.unknown", "ranking.nothing_below",
            "template.not_found", "template.none_for_year",
            "token.invalid_principal", "token.unknown_role", "token.invalid_scope", "token.invalid_expiry",
            "token.not_found", "backup.not_embedded", "request.malformed_xlsx", "form.other_unit", "form.not_a_form",
            "form.changed", "form.unknown_label", "form.extra_values",
            "auth.session", "auth.csrf", "text.empty", "text.unreadable", "text.no_tables", "import.no_tables"})
                      String code,
                      @Schema(description = "what is wrong, in the language Accept-Language asks for (Chinese by default)")
                      String detail,
                      @Schema(description = "the same in Chinese") String detailZh,
                      @Schema(description = "the same in English") String detailEn,
                      @Schema(description = "every individual problem: findings, unit problems") @Nullable List<?> errors) {

    static Problem of(ErrorCode error, String detailEn, String detailZh, List<?> errors) {
        return new Problem("urn:problem:" + error.code(), error.status().getReason(), error.status().getCode(),
                error.code(), detailZh, detailZh, detailEn, errors);
    }

    /** This problem for a reader of the other language, if the request asks for English. */
    Problem in(boolean english) {
        return new Problem(type, title, status, code, english ? detailEn : detailZh, detailZh, detailEn, errors);
    }
}
