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
        output.out.println(c.unit() + " " + c.year() + ": " + c.reported() + " of " + c.units() + " units have reported; due "
                + Output.time(c.deadline()));
        c.missing().forEach(e -> output.out.println("  missing: " + e.unit() + " " + e.name() + " (" + e.kind() + ")"));
        if (!c.missingByKind().isEmpty()) {
            output.out.println("  missing by kind: " + c.missingByKind().entrySet().stream()
                    .map(k -> k.getKey() + " " + k.getValue()).collect(Collectors.joining(", ")));
        }
        c.late().forEach(e -> output.out.println("  late:    " + e.unit() + " " + e.name() + " (" + e.kind()
                + "), first submitted " + Output.time(e.firstSubmitted())));
        return Cli.OK;
    }
}
