package org.opengovinfo.client;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit's figures by template cell code ({@code s3.new.natural_person}, {@code s2_8.fees.amount}; the codes are
 * listed by {@link ReportsClient#template(String)}). Counts are whole numbers; amounts are in 万元.
 */
public final class FiguresBuilder {

    private final Map<String, Object> cells = new LinkedHashMap<>();

    private FiguresBuilder() {}

    public static FiguresBuilder create() {
        return new FiguresBuilder();
    }

    public FiguresBuilder cell(String code, long count) {
        cells.put(code, count);
        return this;
    }

    public FiguresBuilder cell(String code, BigDecimal amount) {
        cells.put(code, amount);
        return this;
    }

    /** A value as printed in a published report, e.g. {@code 增加15} or {@code 63800万元}; the service parses it. */
    public FiguresBuilder cell(String code, String printed) {
        cells.put(code, printed);
        return this;
    }

    /** Leaves a cell explicitly blank (not reported), which is not zero. */
    public FiguresBuilder blank(String code) {
        cells.put(code, null);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(cells);
    }
}
