package org.opengovinfo.service.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An error answer, served as {@code application/problem+json} (RFC 9457) with a stable {@code code} for scripts.
 *
 * @param type a URI naming the problem kind: {@code urn:problem:<code>}
 * @param detail what went wrong, in English
 * @param detailZh the same in Chinese, for the people who read it
 * @param errors every individual problem (findings, unknown fields, hierarchy problems), so a client gets all at once
 */
@Serdeable
public record Problem(String type, String title, int status, String code, String detail, String detailZh,
                      @Nullable List<?> errors) {

    static Problem of(ErrorCode error, String detail, String detailZh, List<?> errors) {
        return new Problem("urn:problem:" + error.code(), error.status().getReason(), error.status().getCode(),
                error.code(), detail, detailZh, errors);
    }
}
