package org.opengovinfo.service.templates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.opengovinfo.model.rule.AmountLimitRule;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Relation;
import org.opengovinfo.model.rule.Rule;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.rule.Term;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;

/** How templates look in the API: stable field names, codes in lower case. */
final class TemplateViews {

    private TemplateViews() {}

    @Serdeable
    record Summary(String id, String name, String authority, int fromYear, @Nullable Integer toYear, int cells, int rules) {
    }

    @Serdeable
    record Detail(String id, String name, String authority, int fromYear, @Nullable Integer toYear,
                  List<TableView> tables, List<CellView> cells, List<RuleView> rules) {
    }

    @Serdeable
    record TableView(String code, List<String> labels, List<String> rows, List<String> columns) {
    }

    @Serdeable
    record CellView(String code, List<String> labels, String unit, String kind, String consolidation) {
    }

    /**
     * One rule instance: a per-row or per-column rule appears once per row or column, sharing its id.
     *
     * @param check {@code total}, {@code equal}, {@code at-most} or {@code amount-limit}
     */
    @Serdeable
    record RuleView(String id, String check, String severity, List<String> left, List<String> right,
                    @Nullable BigDecimal max, @Nullable String perItemOf, MessageView message) {
    }

    /** A message in Chinese and English. */
    @Serdeable
    record MessageView(String zh, String en) {

        static MessageView of(Message m) {
            return new MessageView(m.zh(), m.en());
        }
    }

    static Summary summary(Template t) {
        return new Summary(t.id(), t.name(), t.authority(), t.years().from(), to(t), t.cellCount(), t.rules().rules().size());
    }

    static Detail detail(Template t) {
        return new Detail(t.id(), t.name(), t.authority(), t.years().from(), to(t),
                t.tables().stream().map(TemplateViews::table).toList(),
                t.cells().stream().map(TemplateViews::cell).toList(),
                t.rules().rules().stream().map(TemplateViews::rule).toList());
    }

    private static Integer to(Template t) {
        return t.years().to() == Integer.MAX_VALUE ? null : t.years().to();
    }

    private static TableView table(Table t) {
        return new TableView(t.code(), t.labels(), t.rows(), t.columns());
    }

    private static CellView cell(Cell c) {
        return new CellView(c.code(), c.labels(), c.unit(), lower(c.kind().name()), lower(c.consolidation().name()));
    }

    private static RuleView rule(Rule rule) {
        String severity = lower(rule.severity().name());
        if (rule instanceof SumRule s) {
            String check = s.isTotal() ? "total" : s.relation() == Relation.EQUAL ? "equal" : "at-most";
            return new RuleView(s.id(), check, severity, labels(s.left()), labels(s.right()), null, null,
                    MessageView.of(s.message()));
        }
        AmountLimitRule a = (AmountLimitRule) rule;
        return new RuleView(a.id(), "amount-limit", severity, labels(a.cells()), List.of(), a.max(),
                a.perItemOf() == null ? null : a.perItemOf().code(), MessageView.of(a.message()));
    }

    private static List<String> labels(List<Term> terms) {
        return terms.stream().map(t -> t.previousYear() ? Finding.PREVIOUS_YEAR_PREFIX + t.code() : t.code()).toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
