package org.opengovinfo.client.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.opengovinfo.client.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ogi completeness UNIT YEAR}: who below the unit has reported, who is missing, who was late. */
@Command(name = "completeness", description = "who below UNIT has reported, who is missing or late")
final class CompletenessCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "UNIT")
    String unit;

    @Parameters(index = "1", paramLabel = "YEAR")
    int year;

    private final Cli cli;

    CompletenessCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Results.Completeness c = cli.client().completeness(unit, year);
        Output output = cli.output;
        if (cli.json()) {
            output.json(c);
            return Cli.OK;
        }
        output.out.println(cli.say(
                c.unit() + " " + c.year() + "：" + c.units() + " 个单位中已报送 " + c.reported() + " 个；截止 " + Output.time(c.deadline()),
                c.unit() + " " + c.year() + ": " + c.reported() + " of " + c.units() + " units have reported; due "
                        + Output.time(c.deadline())));
        c.missing().forEach(e -> output.out.println(cli.say("  未报送：", "  missing: ") + e.unit() + " " + e.name()
                + " (" + e.kind() + ")"));
        if (!c.missingByKind().isEmpty()) {
            output.out.println(cli.say("  未报送（按类型）：", "  missing by kind: ") + c.missingByKind().entrySet().stream()
                    .map(k -> k.getKey() + " " + k.getValue()).collect(Collectors.joining(", ")));
        }
        c.late().forEach(e -> output.out.println(cli.say("  逾期：  ", "  late:    ") + e.unit() + " " + e.name() + " ("
                + e.kind() + cli.say(")，首次报送于 ", "), first submitted ") + Output.time(e.firstSubmitted())));
        return Cli.OK;
    }
}
