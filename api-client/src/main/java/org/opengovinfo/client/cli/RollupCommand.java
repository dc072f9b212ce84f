package org.opengovinfo.client.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengovinfo.client.Finding;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results.Basis;
import org.opengovinfo.client.Results.Cell;
import org.opengovinfo.client.Results.Consolidated;
import org.opengovinfo.client.Results.RollupCompleteness;
import org.opengovinfo.client.Results.RollupSummary;
import org.opengovinfo.client.Results.Table;
import org.opengovinfo.client.Results.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ogi rollup UNIT YEAR}: consolidates the unit's subtree into a new snapshot, then shows that snapshot's
 * consolidated result for the unit — units counted, headline figures with their Chinese labels, every finding.
 */
@Command(name = "rollup", description = "consolidate UNIT's subtree and show the result")
final class RollupCommand implements Callable<Integer> {

    /**
     * The headline cells, in this order, where the year's template has them: requests received, carried over,
     * results, carried forward, reconsideration and litigation totals (2019 and 2021 formats); requests received,
     * closed and answered, reconsideration and litigation (legacy table).
     */
    static final List<String> HEADLINE = List.of(
            "s3.new.total", "s3.carried_over.total", "s3.results_total.total", "s3.carried_forward.total",
            "s4.reconsideration.total", "s4.litigation_direct.total", "s4.litigation_after_reconsideration.total",
            "l3.received", "l3.closed", "l3.answered", "l4.total", "l5.total");

    @Parameters(index = "0", paramLabel = "UNIT")
    String unit;

    @Parameters(index = "1", paramLabel = "YEAR")
    int year;

    @Option(names = "--accepted",
            description = "add up accepted reports only (basis=accepted, what a publication uses); default: a preview over everything stored")
    boolean accepted;

    private final Cli cli;

    RollupCommand(Cli cli) {
        this.cli = cli;
    }

    /** One headline figure: the cell, its Chinese label, its value ({@code null}: blank) and unit. */
    record Headline(String cell, String label, Object value, String unit) {
    }

    /** What {@code --json} prints: the consolidated result (as {@code ogi pull} gives it) and the snapshot's facts. */
    record RollupResult(String unit, int year, String template, String snapshot, String basis, Instant computedAt,
                        String triggeredBy,
                        int hierarchyYear, int unitsInSubtree, int unitsReported, Integer consolidatedUnits,
                        RollupCompleteness completeness, List<Headline> headline, Map<String, Object> figures,
                        List<Finding> findings) {
    }

    @Override
    public Integer call() {
        ReportsClient client = cli.client();
        RollupSummary s = client.rollup(unit, year, accepted ? Basis.ACCEPTED : Basis.ALL);
        Consolidated c = client.consolidated(unit, year, s.id());
        List<Headline> headline = headline(client.template(c.template()), c.figures());
        if (cli.json()) {
            cli.output.json(new RollupResult(c.unit(), c.year(), c.template(), c.snapshot(), s.basis(), c.computedAt(),
                    s.triggeredBy(), c.hierarchyYear(), c.unitsInSubtree(), c.unitsReported(), s.consolidatedUnits(),
                    s.completeness(), headline, c.figures(), c.findings()));
            return Cli.OK;
        }
        var out = cli.output.out;
        out.println(cli.say(
                "快照 " + s.id() + "：" + unit + " " + year + "（格式 " + c.template() + "），计算于 " + Output.time(c.computedAt()),
                "snapshot " + s.id() + ": " + unit + " " + year + " (template " + c.template() + "), " + c.unitsReported()
                        + " of " + c.unitsInSubtree() + " units reported; computed " + Output.time(c.computedAt())));
        out.println("  " + cli.say("口径：", "basis: ") + PublicationCommands.basis(cli, s.basis()));
        if (!cli.english()) {
            out.println("  汇总单位 " + unit + "：下属及本级共 " + c.unitsInSubtree() + " 个单位，已报送 " + c.unitsReported() + " 个");
        }
        if (s.completeness() != null && !s.completeness().missing().isEmpty()) {
            out.println(cli.say("  未报送：", "  not reported: ") + String.join(", ", s.completeness().missing()));
        }
        int width = headline.stream().mapToInt(h -> h.cell().length()).max().orElse(0);
        for (Headline h : headline) {
            String value = h.value() == null ? "—" : plain(h.value()) + " " + h.unit();
            out.println(String.format("  %-" + width + "s  %12s  %s", h.cell(), value, h.label()));
        }
        List<Finding> findings = c.findings() == null ? List.of() : c.findings();
        out.println(findings.isEmpty() ? cli.say("未发现问题", "no findings")
                : cli.say("发现 " + findings.size() + " 个问题：", findings.size() + " finding(s):"));
        cli.output.findings(findings, out);
        return Cli.OK;
    }

    static List<Headline> headline(Template template, Map<String, Object> figures) {
        List<Headline> headline = new ArrayList<>();
        for (String code : HEADLINE) {
            Cell cell = template.cell(code);
            if (cell == null) {
                continue;
            }
            // Without the table's label, unless the table is a legacy list whose cells say only 总数 (total).
            Table table = template.table(code.substring(0, code.indexOf('.')));
            int skip = table == null || table.columns().isEmpty() ? 0 : Math.min(table.labels().size(), cell.labels().size() - 1);
            String label = String.join(" / ", cell.labels().subList(skip, cell.labels().size()));
            headline.add(new Headline(code, label, figures.get(code), cell.unit()));
        }
        return headline;
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
