package org.opengovinfo.client.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results.Cell;
import org.opengovinfo.client.Results.Consolidated;
import org.opengovinfo.client.Results.Table;
import org.opengovinfo.client.Results.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ogi pull UNIT YEAR}: the consolidated figures of the latest snapshot: the tables as printed, with their
 * Chinese row and column labels, for people; JSON or CSV for scripts.
 */
@Command(name = "pull", description = "consolidated figures: the tables with their labels (or --json, --csv, --sdmx)")
final class PullCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "UNIT")
    String unit;

    @Parameters(index = "1", paramLabel = "YEAR")
    int year;

    @Option(names = "--csv", description = "CSV (cell,value,unit,label,declared,difference) instead of the tables")
    boolean csv;

    @Option(names = "--sdmx", description = "SDMX-CSV 1.0 for a statistics office instead of the tables")
    boolean sdmx;

    @Option(names = "--snapshot", paramLabel = "ID", description = "this snapshot instead of the latest")
    String snapshot;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of printing")
    Path file;

    private final Cli cli;

    PullCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        ReportsClient client = cli.client();
        if (csv && sdmx) {
            throw new UsageException(cli.say("--csv 与 --sdmx 只能选一个", "--csv or --sdmx, not both"));
        }
        String text;
        if (csv || sdmx) {
            text = client.consolidatedAs(unit, year, snapshot, csv ? "csv" : "sdmx");
        } else {
            Consolidated c = snapshot == null ? client.consolidated(unit, year) : client.consolidated(unit, year, snapshot);
            text = cli.json() ? Output.JSON.writeValueAsString(c) + "\n" : tables(cli, client.template(c.template()), c);
        }
        if (file == null) {
            cli.output.out.print(text);
        } else {
            Files.writeString(file, text);
            cli.output.err.println(cli.say("已写入 ", "wrote ") + file);
        }
        return Cli.OK;
    }

    /**
     * Every table of the template as a grid: a heading with the table's labels, the columns numbered with their
     * labels spelled out once (they are long: 申请人情况 / 法人或其他组织 / 商业企业), then one line per row with its
     * label and its values under the column numbers. A blank cell prints as —, never as 0; a cell not applicable
     * as 不适用.
     */
    static String tables(Cli cli, Template template, Consolidated c) {
        StringBuilder text = new StringBuilder();
        text.append(cli.say(
                c.unit() + " " + c.year() + " 年汇总数据（" + template.name() + "），快照 " + c.snapshot() + "，"
                        + Output.time(c.computedAt()) + "，下属及本级 " + c.unitsInSubtree() + " 个单位中已报送 "
                        + c.unitsReported() + " 个\n",
                c.unit() + " " + c.year() + " consolidated (" + template.id() + "), snapshot " + c.snapshot() + ", "
                        + Output.time(c.computedAt()) + ", " + c.unitsReported() + " of " + c.unitsInSubtree()
                        + " units reported\n"));
        Map<String, Object> figures = new java.util.HashMap<>(c.figures());
        if (c.notApplicable() != null) {
            c.notApplicable().forEach(code -> figures.put(code, "不适用"));
        }
        for (Table table : template.tables()) {
            int skip = table.labels().size();
            text.append('\n').append(table.code()).append("  ").append(String.join(" / ", table.labels())).append('\n');
            if (table.columns().isEmpty()) {
                TextTable grid = new TextTable(false, true, false);
                for (String row : table.rows()) {
                    Cell cell = template.cell(table.code() + "." + row);
                    if (cell != null) {
                        grid.row(label(cell.labels(), skip), value(figures.get(cell.code())), cell.unit());
                    }
                }
                grid.lines("  ").forEach(line -> text.append(line).append('\n'));
                continue;
            }
            List<String> columns = table.columns();
            String unitOfTable = null;
            for (int i = 0; i < columns.size(); i++) {
                Cell first = firstCellOfColumn(template, table, columns.get(i));
                if (first != null) {
                    unitOfTable = first.unit();
                    int depth = columnLabelDepth(template, table, columns.get(i));
                    text.append("  (").append(i + 1).append(") ")
                            .append(label(first.labels(), first.labels().size() - depth)).append('\n');
                }
            }
            boolean[] right = new boolean[columns.size() + 1];
            Arrays.fill(right, 1, right.length, true);
            TextTable grid = new TextTable(right);
            List<Object> header = new ArrayList<>();
            header.add(cli.say("栏目（单位：" + unitOfTable + "）", "row (unit: " + unitOfTable + ")"));
            for (int i = 0; i < columns.size(); i++) {
                header.add("(" + (i + 1) + ")");
            }
            grid.row(header.toArray());
            for (String row : table.rows()) {
                List<Object> line = new ArrayList<>();
                String rowLabel = null;
                for (String column : columns) {
                    Cell cell = template.cell(table.code() + "." + row + "." + column);
                    if (cell == null) {
                        line.add("");
                        continue;
                    }
                    if (rowLabel == null) {
                        int end = cell.labels().size() - columnLabelDepth(template, table, column);
                        rowLabel = label(cell.labels().subList(0, end), skip);
                    }
                    line.add(value(figures.get(cell.code())));
                }
                line.add(0, rowLabel == null ? row : rowLabel);
                grid.row(line.toArray());
            }
            grid.lines("  ").forEach(l -> text.append(l).append('\n'));
        }
        return text.toString();
    }

    private static Cell firstCellOfColumn(Template template, Table table, String column) {
        for (String row : table.rows()) {
            Cell cell = template.cell(table.code() + "." + row + "." + column);
            if (cell != null) {
                return cell;
            }
        }
        return null;
    }

    /**
     * How many labels at the end of a cell's path name its column. A cell's path is table labels, row labels, column
     * labels, and the cells carry no mark where the row part ends; what every row of the column shares at the end is
     * the column's (with a single row: its last label only). At least one label is left for the row.
     */
    private static int columnLabelDepth(Template template, Table table, String column) {
        int skip = table.labels().size();
        List<List<String>> paths = new ArrayList<>();
        for (String row : table.rows()) {
            Cell cell = template.cell(table.code() + "." + row + "." + column);
            if (cell != null) {
                paths.add(cell.labels().subList(skip, cell.labels().size()));
            }
        }
        if (paths.isEmpty()) {
            return 1;
        }
        int shortest = paths.stream().mapToInt(List::size).min().orElse(1);
        if (paths.size() == 1) {
            return 1;
        }
        int depth = 0;
        while (depth < shortest - 1) {
            int d = depth;
            String last = paths.get(0).get(paths.get(0).size() - 1 - d);
            if (!paths.stream().allMatch(p -> p.get(p.size() - 1 - d).equals(last))) {
                break;
            }
            depth++;
        }
        return Math.max(depth, 1);
    }

    private static String label(List<String> labels, int skip) {
        return String.join(" / ", labels.subList(Math.min(skip, labels.size()), labels.size()));
    }

    private static String value(Object value) {
        return value == null ? "—" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
