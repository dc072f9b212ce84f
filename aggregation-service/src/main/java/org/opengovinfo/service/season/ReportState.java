package org.opengovinfo.service.season;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import org.opengovinfo.service.system.Words;

/**
 * Where a unit's report for a year stands in the season: 填报 (draft) → 报送 (submitted) → 审核通过 (accepted, locked)
 * or 退回 (returned, with a comment) → submitted again. {@code none}: no figures yet.
 */
@Serdeable
public enum ReportState {
    NONE("未报送", "not reported"),
    DRAFT("暂存", "draft"),
    SUBMITTED("已报送", "submitted"),
    RETURNED("已退回", "returned"),
    ACCEPTED("已通过", "accepted");

    private final Words words;

    ReportState(String zh, String en) {
        this.words = new Words(zh, en);
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Words words() {
        return words;
    }

    static ReportState parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
