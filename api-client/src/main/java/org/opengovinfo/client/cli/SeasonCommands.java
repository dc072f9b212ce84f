package org.opengovinfo.client.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengovinfo.client.Results.Chase;
import org.opengovinfo.client.Results.Progress;
import org.opengovinfo.client.Results.ProgressRow;
import org.opengovinfo.client.Results.ProgressYear;
import org.opengovinfo.client.Results.Report;
import org.opengovinfo.client.Results.ReportingStatus;
import org.opengovinfo.client.Results.StatusCounts;
import org.opengovinfo.client.Results.StatusLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The season's moves on one report ({@code handin}, {@code accept}, {@code return}, {@code reopen}) and {@code status}. */
final class SeasonCommands {

    private SeasonCommands() {}

    /** The states of a report, in the order of the season, as the service names them. */
    static final List<String> STATES = List.of("none", "draft", "submitted", "returned", "accepted");

    /** A state as people read it: the service's own words (ReportState), so the CLI and the service agree. */
    static String state(Cli cli, String code) {
        return switch (code) {
            case "none" -> cli.say("未报送", "not reported");
            case "draft" -> cli.say("暂存", "draft");
            case "submitted" -> cli.say("已报送", "submitted");
            case "returned" -> cli.say("已退回", "returned");
            case "accepted" -> cli.say("已通过", "accepted");
            default -> code;
        };
    }

    /** A unit's kind as people read it; the service names kinds by code only. */
    static String kind(Cli cli, String code) {
        if (cli.english()) {
            return code;
        }
        return switch (code) {
            case "country" -> "国家";
            case "province" -> "省";
            case "city" -> "市";
            case "county" -> "县";
            case "district" -> "区";
            case "development_zone" -> "开发区";
            case "town" -> "乡镇";
            case "street" -> "街道";
            case "department" -> "部门";
            case "own_office" -> "本级";
            default -> code;
        };
    }

    /** What every command about one unit's year takes. */
    abstract static class UnitYear {

        @Parameters(index = "0", paramLabel = "UNIT", description = "the unit's id")
        String unit;

        @Parameters(index = "1", paramLabel = "YEAR", description = "the report year, e.g. 2021")
        int year;

        final Cli cli;

        UnitYear(Cli cli) {
            this.cli = cli;
        }
    }

    /** A move's answer: where the report stands now. */
    static int printReport(Cli cli, Report r) {
        if (cli.json()) {
            cli.output.json(r);
            return Cli.OK;
        }
        cli.output.out.println(cli.say(
                r.unit() + " " + r.year() + " 年报告：" + state(cli, r.state()) + "（版本 " + r.version() + "），"
                        + r.changedBy() + " 于 " + Output.time(r.changedAt()),
                r.unit() + " " + r.year() + " report: " + state(cli, r.state()) + " (version " + r.version() + "), by "
                        + r.changedBy() + " at " + Output.time(r.changedAt())));
        if (r.note() != null) {
            cli.output.out.println(cli.say("  说明：", "  note: ") + r.note());
        }
        return Cli.OK;
    }

    @Command(name = "handin", description = "hand UNIT's report for YEAR in (报送: draft → submitted)")
    static final class HandIn extends UnitYear implements Callable<Integer> {

        @Option(names = "--version", paramLabel = "N", description = "the figures version you checked (default: the current one)")
        Integer version;

        @Option(names = "--missing", paramLabel = "UNIT", split = ",",
                description = "a consolidating unit: the units below it handed in without (not accepted); repeat or comma-separate")
        List<String> missing = new ArrayList<>();

        HandIn(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return printReport(cli, cli.client().handIn(unit, year, version, missing));
        }
    }

    @Command(name = "accept", description = "accept UNIT's handed-in report (审核通过); its figures lock")
    static final class Accept extends UnitYear implements Callable<Integer> {

        @Option(names = "--version", paramLabel = "N", description = "the version you reviewed (default: the current one)")
        Integer version;

        Accept(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return printReport(cli, cli.client().accept(unit, year, version));
        }
    }

    @Command(name = "return", description = "return UNIT's handed-in report to it (退回) with a comment")
    static final class Return extends UnitYear implements Callable<Integer> {

        @Option(names = "--comment", paramLabel = "TEXT", required = true, description = "what to correct (required)")
        String comment;

        @Option(names = "--version", paramLabel = "N", description = "the version you reviewed (default: the current one)")
        Integer version;

        Return(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return printReport(cli, cli.client().giveBack(unit, year, version, comment));
        }
    }

    @Command(name = "reopen", description = "reopen UNIT's accepted report (解锁) with a reason: it goes back as returned")
    static final class Reopen extends UnitYear implements Callable<Integer> {

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why it is reopened (required)")
        String reason;

        Reopen(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return printReport(cli, cli.client().reopen(unit, year, reason));
        }
    }

    @Command(name = "status", description = "报送进度: reports below UNIT by state, on time and late, and whom to chase")
    static final class Status extends UnitYear implements Callable<Integer> {

        @Option(names = "--csv", description = "the service's CSV: a line per unit below, a last line for the whole subtree")
        boolean csv;

        Status(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return cli.list(csv, () -> cli.client().statusCsv(unit, year),
                    () -> cli.client().status(unit, year), value -> table(cli, value));
        }

        static String table(Cli cli, ReportingStatus s) {
            StringBuilder text = new StringBuilder();
            text.append(cli.say(s.unit() + " " + s.year() + " 年度报告报送进度（截止 " + Output.time(s.deadline()) + "）\n",
                    s.unit() + " " + s.year() + " reporting status (due " + Output.time(s.deadline()) + ")\n"));
            TextTable t = new TextTable(TextTable.numbers(4, 5 + STATES.size()));
            List<Object> header = new ArrayList<>(List.of(cli.say("单位", "unit"), cli.say("名称", "name"),
                    cli.say("类型", "kind"), cli.say("本级状态", "own state"), cli.say("单位数", "units")));
            STATES.forEach(st -> header.add(state(cli, st)));
            header.addAll(List.of(cli.say("按时", "on time"), cli.say("逾期", "late"), cli.say("按时率", "on-time rate"),
                    cli.say("最多逾期天数", "most days late")));
            t.row(header.toArray());
            for (StatusLine l : s.below()) {
                t.row(counts(cli, List.of(l.unit(), l.name(), kind(cli, l.kind()), state(cli, l.state())), l.counts()).toArray());
            }
            t.row(counts(cli, List.of(s.unit(), cli.say("合计", "total"), "", ""), s.total()).toArray());
            t.lines("  ").forEach(line -> text.append(line).append('\n'));
            if (s.chase().isEmpty()) {
                text.append(cli.say("无需催报\n", "nobody to chase\n"));
                return text.toString();
            }
            text.append(cli.say("催报（逾期最久在前）：\n", "to chase (most overdue first):\n"));
            TextTable chase = new TextTable(false, false, false, false, false, true);
            chase.row(cli.say("单位", "unit"), cli.say("名称", "name"), cli.say("类型", "kind"), cli.say("上级", "parent"),
                    cli.say("状态", "state"), cli.say("逾期天数", "days overdue"));
            for (Chase c : s.chase()) {
                chase.row(c.unit(), c.name(), kind(cli, c.kind()), c.parent() == null ? "" : c.parent(), state(cli, c.state()),
                        c.daysOverdue());
            }
            chase.lines("  ").forEach(line -> text.append(line).append('\n'));
            return text.toString();
        }

        private static List<Object> counts(Cli cli, List<Object> first, StatusCounts c) {
            List<Object> row = new ArrayList<>(first);
            row.add(c.units());
            Map<String, Integer> by = c.byState();
            STATES.forEach(st -> row.add(by.getOrDefault(st, 0)));
            row.add(c.onTime());
            row.add(c.late());
            row.add(c.onTimeRate() == null ? "—"
                    : c.onTimeRate().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%");
            row.add(c.daysLateMost());
            return row;
        }
    }

    /** A year's status of one unit as people read it; the service names statuses by code. */
    static String progressStatus(Cli cli, String code) {
        return switch (code) {
            case "accepted" -> cli.say("已通过", "accepted");
            case "with_warnings" -> cli.say("有警告", "with warnings");
            case "reported" -> cli.say("已报送", "reported");
            case "missing" -> cli.say("未报送", "missing");
            case "not_in_force" -> cli.say("—", "—");
            default -> code;
        };
    }

    @Command(name = "progress", description = "报送情况（历年）: every unit below UNIT in each year from --from to --to")
    static final class ProgressCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "UNIT", description = "the unit's id")
        String unit;

        @Option(names = "--from", paramLabel = "YEAR", required = true, description = "the first year")
        int from;

        @Option(names = "--to", paramLabel = "YEAR", required = true, description = "the last year (at most 20 years)")
        int to;

        @Option(names = "--csv", description = "the service's CSV: a line per unit, a column per year")
        boolean csv;

        private final Cli cli;

        ProgressCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.list(csv, () -> cli.client().progressCsv(unit, from, to),
                    () -> cli.client().progress(unit, from, to), value -> table(cli, value));
        }

        static String table(Cli cli, Progress p) {
            StringBuilder text = new StringBuilder(cli.say(p.unit() + " " + p.from() + "–" + p.to() + " 年报送情况\n",
                    p.unit() + " reporting " + p.from() + "–" + p.to() + "\n"));
            TextTable t = new TextTable(new boolean[3 + p.years().size()]);
            List<Object> header = new ArrayList<>(List.of(cli.say("单位", "unit"), cli.say("名称", "name"),
                    cli.say("类型", "kind")));
            p.years().forEach(y -> header.add(String.valueOf(y)));
            t.row(header.toArray());
            for (ProgressRow r : p.units()) {
                List<Object> row = new ArrayList<>(List.of(r.unit(), r.name(), kind(cli, r.kind())));
                for (ProgressYear y : r.years()) {
                    row.add(progressStatus(cli, y.status()) + (y.warnings() == 0 ? ""
                            : cli.say("（警告 " + y.warnings() + "）", " (" + y.warnings() + " warnings)")));
                }
                t.row(row.toArray());
            }
            t.lines("  ").forEach(line -> text.append(line).append('\n'));
            text.append(cli.say("合计：\n", "totals:\n"));
            for (Integer year : p.years()) {
                Map<String, Integer> counts = p.totals().get(year);
                List<String> parts = new ArrayList<>();
                for (String status : List.of("accepted", "with_warnings", "reported", "missing")) {
                    parts.add(progressStatus(cli, status) + " " + (counts == null ? 0 : counts.getOrDefault(status, 0)));
                }
                text.append("  ").append(year).append(cli.say("：", ": ")).append(String.join(cli.say("，", ", "), parts))
                        .append('\n');
            }
            return text.toString();
        }
    }
}
