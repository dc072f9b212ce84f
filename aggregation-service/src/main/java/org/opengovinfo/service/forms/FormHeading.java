package org.opengovinfo.service.forms;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a form or report says about itself above its tables: the unit, the year, the format, whose figures and, for
 * consolidated figures, the snapshot they come from. Read back from a submitted form, it must name the unit and year
 * the form is submitted for.
 */
record FormHeading(String unit, String unitName, int year, String template, String templateName, Source source,
                   @Nullable String snapshot) {

    static final String UNIT = "单位";
    static final String YEAR = "年度";
    static final String TEMPLATE = "报告格式";
    static final String SOURCE = "数据";
    static final String SNAPSHOT = "汇总快照";

    /** The heading's lines as printed: a label, then one or two values. */
    List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(UNIT, unit, Printable.text(unitName)));
        lines.add(List.of(YEAR, String.valueOf(year)));
        lines.add(List.of(TEMPLATE, template, templateName));
        lines.add(snapshot == null ? List.of(SOURCE, source.printed()) : List.of(SOURCE, source.printed(), SNAPSHOT + " " + snapshot));
        return lines;
    }

    /** The report's title: 罗庄区 2021 年政府信息公开工作年度报告（本级数据）. */
    String title() {
        return Printable.text(unitName) + " " + year + " 年政府信息公开工作年度报告（" + source.printed() + "）";
    }
}
