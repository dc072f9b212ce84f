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
 */
public record Finding(String rule, String severity, List<String> cells, BigDecimal actual, BigDecimal expected,
                      BigDecimal difference, String messageZh, String messageEn) {

    public boolean isError() {
        return "error".equals(severity);
    }
}
