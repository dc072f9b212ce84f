package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;

/**
 * One reason a unit or a hierarchy change was refused.
 *
 * @param unit the unit's id as given (may be {@code null} if the id itself is missing)
 * @param line the line of a CSV import that gave the unit, if it came from one
 * @param code stable code, e.g. {@code unit.unknown_parent}, {@code hierarchy.cycle}
 */
@Serdeable
public record UnitProblem(@Nullable String unit, @Nullable Integer line, String code, String messageZh,
                          String messageEn) {

    static UnitProblem of(ErrorCode error, String unit, Integer line, Object... args) {
        String id = unit == null ? null : Redaction.text(unit, 64);
        return new UnitProblem(id, line, error.code(), error.zh(args), error.en(args));
    }

    UnitProblem atLine(Integer line) {
        return line == null || this.line != null ? this : new UnitProblem(unit, line, code, messageZh, messageEn);
    }
}
