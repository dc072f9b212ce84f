package org.opengovinfo.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results.Cell;
import org.opengovinfo.client.Results.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ogi template show YEAR} (the empty form is {@code ogi form YEAR --unit U}). */
@Command(name = "template", description = "the report format of a year")
final class TemplateCommand {

    private static Template forYear(ReportsClient client, int year) {
        return client.template(client.templateForYear(year).id());
    }

    @Command(name = "show", description = "the cells and rules of the year's report format")
    static final class Show implements Callable<Integer> {

        @Parameters(paramLabel = "YEAR")
        int year;

        private final Cli cli;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Template t = forYear(cli.client(), year);
            if (cli.json()) {
                cli.output.json(t);
                return Cli.OK;
            }
            var out = cli.output.out;
            out.println(t.name() + " — " + t.authority());
            for (Cell cell : t.cells()) {
                out.println("  " + cell.code() + "  [" + cell.unit() + ", " + cell.kind() + ", " + cell.consolidation() + "]  "
                        + String.join(" / ", cell.labels()));
            }
            Map<String, String> rules = new LinkedHashMap<>();
            t.rules().forEach(r -> rules.putIfAbsent(r.id(), r.severity() + "  " + r.message().zh()));
            out.println(cli.say("规则：", "rules:"));
            rules.forEach((id, text) -> out.println("  " + id + "  " + text));
            return Cli.OK;
        }
    }
}
