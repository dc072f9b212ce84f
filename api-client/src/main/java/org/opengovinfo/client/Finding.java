package org.opengovinfo.client;

import java.math.BigDecimal;
import java.util.List;

/**
 * One broken rule or rejected value, as the service reports it.
 *
 * @param rule stable id of the rule or input check, e.g. {@code s3.balance}, {@code input.negative}
 * @param severity {@code error} or {@code warning}
 * @param cells every cell involved, left side first
 * @param difference {@code actual - expected}; the three numbers are {@code null} for input problems
 * @param places for figures sent as a form: where each cell is in it ({@code 表三 D14 · 自然人 · （七）总计}), in the
 *     order of {@code cells}; empty otherwise
 */
public record Finding(String rule, String severity, List<String> cells, List<String> labels, BigDecimal actual,
                      BigDecimal expected, BigDecimal difference, BigDecimal limit, String cause,
                      List<Finding> consequences, String messageZh, String messageEn, List<String> places) {

    public Finding {
        places = places == null ? List.of() : List.copyOf(places);
        cells = cells == null ? List.of() : List.copyOf(cells);
        labels = labels == null ? List.of() : List.copyOf(labels);
        consequences = consequences == null ? List.of() : List.copyOf(consequences);
    }

    public boolean isError() {
        return "error".equals(severity);
    }
}
