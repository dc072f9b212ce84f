package org.opengovinfo.client.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import org.opengovinfo.client.Results.ChildNotDefined;
import org.opengovinfo.client.Results.IndicatorRanking;
import org.opengovinfo.client.Results.IndicatorValue;
import org.opengovinfo.client.Results.NotDefined;
import org.opengovinfo.client.Results.RankedChild;
import org.opengovinfo.client.Results.Rankings;
import org.opengovinfo.client.Results.Risks;
import org.opengovinfo.client.Results.Spread;
import org.opengovinfo.client.Results.UnitIndicators;
import org.opengovinfo.client.Results.UnitRisk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code indicators}, {@code rankings} and {@code risks}: what the figures say, as labelled tables. */
final class IndicatorCommands {

    private IndicatorCommands() {}

    /** A value with its unit (40.00%, 151 件); "—" for one that is not defined. */
    static String value(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        return value.toPlainString() + (unit.equals("%") ? "%" : " " + unit);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String source(Cli cli, String code) {
        return code.equals("consolidated") ? cli.say("汇总", "consolidated") : cli.say("本级", "own");
    }

    private static String why(Cli cli, NotDefined n) {
        return n == null ? "" : cli.say("无法计算：", "not defined: ") + (cli.english() ? n.reasonEn() : n.reasonZh());
    }

    @Command(name = "indicators", description = "a unit's indicators for a year (实质公开率, 复议纠错率, …) with the "
            + "figures behind each")
    static final class Indicators extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Option(names = "--consolidated", description = "of the unit's latest consolidated figures, not its own")
        boolean consolidated;

        @Option(names = "--csv", description = "the service's CSV: a line per indicator")
        boolean csv;

        Indicators(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return cli.list(csv, () -> cli.client().indicatorsCsv(unit, year, consolidated),
                    () -> cli.client().indicators(unit, year, consolidated), value -> table(cli, value));
        }

        static String table(Cli cli, UnitIndicators u) {
            StringBuilder text = new StringBuilder(cli.say(
                    u.unit() + " " + u.name() + " " + u.year() + " 年指标（" + source(cli, u.source()) + "数据"
                            + (u.snapshot() == null ? "" : "，快照 " + u.snapshot()) + "）\n",
                    u.unit() + " " + u.name() + " " + u.year() + " indicators (" + source(cli, u.source()) + " figures"
                            + (u.snapshot() == null ? "" : ", snapshot " + u.snapshot()) + ")\n"));
            TextTable t = new TextTable(false, false, true, true, true, false);
            t.row(cli.say("指标", "indicator"), cli.say("名称", "name"), cli.say("值", "value"), cli.say("分子", "numerator"),
                    cli.say("分母", "denominator"), cli.say("说明", "note"));
            for (IndicatorValue v : u.indicators()) {
                t.row(v.indicator(), cli.english() ? v.labelEn() : v.labelZh(), value(v.value(), v.unit()),
                        plain(v.numerator()), plain(v.denominator()), why(cli, v.notDefined()));
            }
            t.lines("  ").forEach(line -> text.append(line).append('\n'));
            return text.toString();
        }
    }

    @Command(name = "rankings", description = "the units directly below UNIT ranked by each indicator, with the "
            + "weighted mean, median, P10, P90 and their spread")
    static final class RankingsCommand extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Option(names = "--indicator", paramLabel = "ID", description = "only this indicator, e.g. "
                + "reconsideration_correction_rate")
        String indicator;

        @Option(names = "--csv", description = "the service's CSV: a line per child and indicator, then the spread")
        boolean csv;

        RankingsCommand(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return cli.list(csv, () -> cli.client().rankingsCsv(unit, year, indicator),
                    () -> cli.client().rankings(unit, year, indicator), value -> table(cli, value));
        }

        static String table(Cli cli, Rankings r) {
            StringBuilder text = new StringBuilder();
            for (IndicatorRanking i : r.rankings()) {
                String label = cli.english() ? i.labelEn() : i.labelZh();
                text.append(cli.say(r.unit() + " " + r.name() + " " + r.year() + " 年下级单位排名：" + label + "\n",
                        r.unit() + " " + r.name() + " " + r.year() + ": units below ranked by " + label + "\n"));
                TextTable t = new TextTable(true, false, false, false, true, true, true);
                t.row(cli.say("名次", "rank"), cli.say("单位", "unit"), cli.say("名称", "name"), cli.say("数据", "figures"),
                        cli.say("值", "value"), cli.say("分子", "numerator"), cli.say("分母", "denominator"));
                for (RankedChild c : i.ranked()) {
                    t.row(c.rank(), c.unit(), c.name(), source(cli, c.source()), value(c.value(), i.unit()),
                            plain(c.numerator()), plain(c.denominator()));
                }
                t.lines("  ").forEach(line -> text.append(line).append('\n'));
                if (!i.notDefined().isEmpty()) {
                    text.append(cli.say("  未排名（无法计算）：\n", "  not ranked (not defined):\n"));
                    TextTable apart = new TextTable();
                    for (ChildNotDefined c : i.notDefined()) {
                        apart.row(c.unit(), c.name(), source(cli, c.source()),
                                cli.english() ? c.notDefined().reasonEn() : c.notDefined().reasonZh());
                    }
                    apart.lines("    ").forEach(line -> text.append(line).append('\n'));
                }
                Spread s = i.spread();
                if (s != null) {
                    text.append(cli.say("  加权平均 ", "  weighted mean ")).append(value(s.weightedMean(), i.unit()))
                            .append(cli.say("，中位数 ", ", median ")).append(value(s.median(), i.unit()))
                            .append(cli.say("，P10 ", ", P10 ")).append(value(s.p10(), i.unit()))
                            .append(cli.say("，P90 ", ", P90 ")).append(value(s.p90(), i.unit()))
                            .append(cli.say("，P90−P10 ", ", P90−P10 ")).append(value(s.p90MinusP10(), i.unit()))
                            .append(cli.say("（" + s.count() + " 个单位）\n", " (" + s.count() + " units)\n"));
                }
            }
            return text.toString();
        }
    }

    @Command(name = "risks", description = "risk flags across UNIT's subtree, with the figures behind each flag")
    static final class RisksCommand extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Option(names = "--csv", description = "the service's CSV: a line per flag")
        boolean csv;

        RisksCommand(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            return cli.list(csv, () -> cli.client().risksCsv(unit, year),
                    () -> cli.client().risks(unit, year), value -> table(cli, value));
        }

        static String table(Cli cli, Risks r) {
            int red = r.byLevel().getOrDefault("red", 0);
            int yellow = r.byLevel().getOrDefault("yellow", 0);
            StringBuilder text = new StringBuilder(cli.say(
                    r.unit() + " " + r.name() + " " + r.year() + " 年风险提示：红色 " + red + "，黄色 " + yellow + "（查看 "
                            + r.unitsChecked() + " 个单位；本年新收申请少于 " + plain(r.settings().minimumVolume())
                            + " 件的单位不提示）\n",
                    r.unit() + " " + r.name() + " " + r.year() + " risk flags: " + red + " red, " + yellow + " yellow ("
                            + r.unitsChecked() + " units checked; none below " + plain(r.settings().minimumVolume())
                            + " new requests)\n"));
            if (r.flags().isEmpty()) {
                text.append(cli.say("无风险提示\n", "no flags\n"));
            } else {
                TextTable t = new TextTable(false, false, false, false, false, false, true, true, true, false, true);
                t.row(cli.say("单位", "unit"), cli.say("名称", "name"), cli.say("类型", "kind"), cli.say("数据", "figures"),
                        cli.say("等级", "level"), cli.say("指标", "indicator"), cli.say("值", "value"),
                        cli.say("分子", "numerator"), cli.say("分母", "denominator"), cli.say("阈值", "threshold"),
                        cli.say("新收申请", "new requests"));
                for (UnitRisk f : r.flags()) {
                    IndicatorValue v = f.value();
                    t.row(f.unit(), f.name(), SeasonCommands.kind(cli, f.kind()), source(cli, f.source()),
                            f.level().equals("red") ? cli.say("红", "red") : cli.say("黄", "yellow"),
                            cli.english() ? v.labelEn() : v.labelZh(), value(v.value(), v.unit()), plain(v.numerator()),
                            plain(v.denominator()), (f.direction().equals("above") ? "> " : "< ")
                                    + value(f.threshold(), v.unit()), plain(f.volume().value()));
                }
                t.lines("  ").forEach(line -> text.append(line).append('\n'));
            }
            if (!r.unitsWithoutFigures().isEmpty()) {
                text.append(cli.say("没有数据（未填报或尚未汇总）：", "without figures (none submitted or not rolled up): "))
                        .append(String.join(", ", r.unitsWithoutFigures())).append('\n');
            }
            return text.toString();
        }
    }
}
