package org.opengovinfo.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results;
import org.opengovinfo.client.Results.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ogi submit} and {@code ogi validate}: one file, or a directory sent as one batch. */
abstract class SubmitCommand implements Callable<Integer> {

    private static final int CHUNK = 50;

    @Parameters(paramLabel = "FILE|DIR", description = "a JSON or CSV figures file, an XLSX form, or a directory of JSON or CSV files")
    Path path;

    @Option(names = "--dry-run", description = "check without storing (as 'ogi validate')")
    boolean dryRunOption;

    @Option(names = "--year", paramLabel = "YEAR", description = "the report year, if the files do not say")
    Integer year;

    @Option(names = "--unit", paramLabel = "UNIT", description = "the unit, if the file does not say")
    String unit;

    private final Cli cli;
    private final boolean dryRun;

    SubmitCommand(Cli cli, boolean dryRun) {
        this.cli = cli;
        this.dryRun = dryRun;
    }

    @Command(name = "submit", description = "send figures; a directory is sent as one batch")
    static final class Submit extends SubmitCommand {
        Submit(Cli cli) {
            super(cli, false);
        }
    }

    @Command(name = "validate", description = "check figures without storing them")
    static final class Validate extends SubmitCommand {
        Validate(Cli cli) {
            super(cli, true);
        }
    }

    /** A submission's or batch item's status as people read it. */
    private String status(String status) {
        return switch (status) {
            case "accepted" -> cli.say("已存入", "accepted");
            case "unchanged" -> cli.say("无变化（与当前版本相同）", "unchanged");
            case "valid" -> cli.say("校验通过（未存入）", "valid");
            case "rejected" -> cli.say("被拒", "rejected");
            default -> status;
        };
    }

    @Override
    public Integer call() throws IOException {
        Output output = cli.output;
        ReportsClient client = cli.client();
        Templates templates = new Templates(client);
        boolean dryRun = this.dryRun || dryRunOption;
        if (!Files.isDirectory(path)) {
            Results.SubmissionResult r;
            String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".xlsx") || name.endsWith(".csv")) {
                // a form goes as it is: the service reads it and names each finding's place in it
                byte[] form = Files.readAllBytes(path);
                boolean xlsx = name.endsWith(".xlsx");
                FormHeading heading = xlsx ? new FormHeading(null, null) : FormHeading.of(form);
                String u = unit != null ? unit : heading.unit();
                Integer y = year != null ? year : heading.year();
                if (u == null || y == null) {
                    throw new UsageException(path + ": give --unit and --year (or a CSV form whose heading names them)");
                }
                r = client.submitForm(u, y, form, xlsx ? ReportsClient.XLSX : "text/csv", dryRun);
            } else {
                FigureFile s = read(templates, path);
                r = client.submit(s.unit(), s.year(), s.figures(), s.declared(), dryRun);
            }
            if (cli.json()) {
                output.json(r);
            } else {
                output.out.println(r.unit() + " " + r.year() + cli.say("：", ": ") + status(r.status())
                        + (r.version() == null ? "" : cli.say("（第 " + r.version() + " 版）", " (version " + r.version() + ")")));
                output.findings(r.findings(), null);
            }
            return Cli.OK;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(path)) {
            files = list.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UsageException(path + " holds no .json or .csv files");
        }
        List<FigureFile> all = new ArrayList<>();
        for (Path f : files) {
            all.add(read(templates, f));
        }
        int batchYear = all.get(0).year();
        if (all.stream().anyMatch(s -> s.year() != batchYear)) {
            throw new UsageException("the files in " + path + " are for different years; a batch is one year");
        }
        List<Results.BatchItem> results = new ArrayList<>();
        int[] counts = new int[4];
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Results.Submission> chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).stream()
                    .map(s -> new Results.Submission(s.unit(), s.figures(), s.declared())).toList();
            Results.BatchResult r = client.batch(batchYear, chunk, dryRun);
            results.addAll(r.results());
            counts[0] += r.accepted();
            counts[1] += r.unchanged();
            counts[2] += r.valid();
            counts[3] += r.rejected();
            bar(results.size(), all.size());
        }
        if (cli.json()) {
            output.json(new Results.BatchResult(counts[0], counts[1], counts[2], counts[3], results));
        } else {
            for (Results.BatchItem item : results) {
                output.out.println(item.unit() + cli.say("：", ": ") + status(item.status())
                        + (item.version() == null ? "" : cli.say("（第 " + item.version() + " 版）", " (version " + item.version() + ")"))
                        + (item.code() == null ? "" : " — " + item.code() + (item.detail() == null ? "" : ": " + item.detail())));
                output.findings(item.findings() == null ? List.of() : item.findings(), null);
            }
            output.out.println(cli.say(
                    "存入 " + counts[0] + " 个，无变化 " + counts[1] + " 个，校验通过 " + counts[2] + " 个，被拒 " + counts[3] + " 个",
                    counts[0] + " accepted, " + counts[1] + " unchanged, " + counts[2] + " valid, " + counts[3] + " rejected"));
        }
        return counts[3] > 0 ? Cli.REJECTED : Cli.OK;
    }

    private void bar(int done, int total) {
        if (!cli.progress()) {
            return;
        }
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        cli.output.err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " units");
        if (done == total) {
            cli.output.err.println();
        }
    }

    // ---- files ---------------------------------------------------------------------------------------------

    /** One unit's figures as a file gives them. */
    private record FigureFile(String unit, int year, Map<String, Object> figures, Map<String, Object> declared) {
    }

    /** A JSON figures file: {@code {"unit": ..., "year": ..., "figures": {...}, "declared"?: {...}}}. */
    private record JsonFile(String unit, Integer year, Map<String, Object> figures, Map<String, Object> declared) {
    }

    /** Each year's template, asked for once per run. */
    private static final class Templates {
        private final ReportsClient client;
        private final Map<Integer, Template> byYear = new HashMap<>();

        Templates(ReportsClient client) {
            this.client = client;
        }

        Template forYear(int year) {
            return byYear.computeIfAbsent(year, y -> client.template(client.templateForYear(y).id()));
        }
    }

    private FigureFile read(Templates templates, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String fileUnit;
        Integer fileYear;
        Map<String, Object> figures;
        Map<String, Object> declared = Map.of();
        if (file.toString().endsWith(".csv")) {
            utf8(bytes);
            FiguresCsv.Form form;
            try {
                form = FiguresCsv.read(bytes);
            } catch (UsageException e) {
                throw new UsageException(file + ": " + e.getMessage());
            }
            Integer y = year != null ? year : form.year();
            if (y == null) {
                throw new UsageException(file + ": give the year as a 'year,2021' line or --year");
            }
            try {
                figures = FiguresCsv.figures(form, templates.forYear(y));
            } catch (UsageException e) {
                throw new UsageException(file + ": " + e.getMessage());
            }
            fileUnit = form.unit();
            fileYear = form.year();
        } else {
            JsonFile f;
            try {
                f = Output.JSON.readValue(bytes, JsonFile.class);
            } catch (JsonProcessingException e) {
                throw new UsageException(file + ": not a figures file: " + e.getOriginalMessage());
            }
            if (f == null || f.figures() == null) {
                throw new UsageException(file + ": expected {\"unit\": ..., \"year\": ..., \"figures\": {...}}");
            }
            fileUnit = f.unit();
            fileYear = f.year();
            figures = new LinkedHashMap<>(f.figures());
            declared = f.declared() == null ? Map.of() : f.declared();
        }
        String u = unit != null ? unit : fileUnit;
        Integer y = year != null ? year : fileYear;
        if (u == null || u.isBlank() || y == null) {
            throw new UsageException(file + ": the unit and year must be in the file or given with --unit and --year");
        }
        return new FigureFile(u, y, figures, declared);
    }

    /** Refuses a file that is not UTF-8 (e.g. saved by a spreadsheet in GBK), rather than sending mangled text. */
    private static void utf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }
}
