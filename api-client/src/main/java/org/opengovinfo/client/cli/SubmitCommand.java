package org.opengovinfo.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.opengovinfo.client.RejectedException;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ogi submit} and {@code ogi validate}: one file, or a directory. JSON files of a directory go as one batch;
 * forms (XLSX, CSV) go as they are, one request each, and the service reads them — ogi parses no form.
 */
abstract class SubmitCommand implements Callable<Integer> {

    private static final int CHUNK = 50;

    @Parameters(paramLabel = "FILE|DIR", description = "a JSON figures file, an XLSX or CSV form, or a directory of them")
    Path path;

    @Option(names = "--year", paramLabel = "YEAR", description = "the report year, if the file does not say")
    Integer year;

    @Option(names = "--unit", paramLabel = "UNIT", description = "the unit, if the file does not say")
    String unit;

    @Option(names = "--dry-run", description = "check without storing (as 'ogi validate')")
    boolean dryRunOption;

    private final Cli cli;
    private final boolean dryRun;

    SubmitCommand(Cli cli, boolean dryRun) {
        this.cli = cli;
        this.dryRun = dryRun;
    }

    @Command(name = "submit", description = "send figures or a filled-in form; a directory's JSON files go as one batch")
    static final class Submit extends SubmitCommand {
        Submit(Cli cli) {
            super(cli, false);
        }
    }

    @Command(name = "validate", description = "check figures or a form without storing them")
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

    private static boolean isForm(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".csv");
    }

    @Override
    public Integer call() throws IOException {
        boolean dry = dryRun || dryRunOption;
        Output output = cli.output;
        ReportsClient client = cli.client();
        if (!Files.isDirectory(path)) {
            Results.SubmissionResult r;
            if (isForm(path)) {
                Form form = form(path);
                r = client.submitForm(form.unit(), form.year(), form.bytes(), form.contentType(), dry);
            } else {
                FigureFile s = read(path);
                r = client.submit(s.unit(), s.year(), s.figures(), s.declared(), dry);
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
            files = list.filter(p -> p.toString().endsWith(".json") || isForm(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UsageException(path + " holds no .json, .csv or .xlsx files");
        }
        List<FigureFile> figures = new ArrayList<>();
        List<Form> forms = new ArrayList<>();
        for (Path f : files) {
            if (isForm(f)) {
                forms.add(form(f));
            } else {
                figures.add(read(f));
            }
        }
        int total = figures.size() + forms.size();
        List<Results.BatchItem> results = new ArrayList<>();
        int[] counts = new int[4];
        if (!figures.isEmpty()) {
            int batchYear = figures.get(0).year();
            if (figures.stream().anyMatch(s -> s.year() != batchYear)) {
                throw new UsageException("the JSON files in " + path + " are for different years; a batch is one year");
            }
            for (int from = 0; from < figures.size(); from += CHUNK) {
                List<Results.Submission> chunk = figures.subList(from, Math.min(figures.size(), from + CHUNK)).stream()
                        .map(s -> new Results.Submission(s.unit(), s.figures(), s.declared())).toList();
                Results.BatchResult r = client.batch(batchYear, chunk, dry);
                results.addAll(r.results());
                counts[0] += r.accepted();
                counts[1] += r.unchanged();
                counts[2] += r.valid();
                counts[3] += r.rejected();
                bar(results.size(), total);
            }
        }
        for (Form form : forms) {
            // a form is read by the service, one at a time; a refused one is listed with its findings' places
            try {
                Results.SubmissionResult r = client.submitForm(form.unit(), form.year(), form.bytes(), form.contentType(), dry);
                results.add(new Results.BatchItem(r.unit(), r.status(), r.version(), null, null, r.findings()));
                counts[switch (r.status()) { case "accepted" -> 0; case "unchanged" -> 1; default -> 2; }]++;
            } catch (RejectedException e) {
                results.add(new Results.BatchItem(form.unit(), "rejected", null, e.code(), e.getMessage(), e.findings()));
                counts[3]++;
            }
            bar(results.size(), total);
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

    /** One unit's figures as a JSON file gives them. */
    private record FigureFile(String unit, int year, Map<String, Object> figures, Map<String, Object> declared) {
    }

    /** A JSON figures file: {@code {"unit": ..., "year": ..., "figures": {...}, "declared"?: {...}}}. */
    private record JsonFile(String unit, Integer year, Map<String, Object> figures, Map<String, Object> declared) {
    }

    /** A form to send as it is, and the unit and year it goes to. */
    private record Form(String unit, int year, byte[] bytes, String contentType) {
    }

    /** A form file: the unit and year from --unit and --year, or from a CSV form's heading. */
    private Form form(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean xlsx = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        FormHeading heading = xlsx ? new FormHeading(null, null) : FormHeading.of(bytes);
        String u = unit != null ? unit : heading.unit();
        Integer y = year != null ? year : heading.year();
        if (u == null || u.isBlank() || y == null) {
            throw new UsageException(file + ": give --unit and --year" + (xlsx ? "" : " (or fill in the form's 单位 and 年度)"));
        }
        return new Form(u, y, bytes, xlsx ? ReportsClient.XLSX : "text/csv");
    }

    private FigureFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonFile f;
        try {
            f = Output.JSON.readValue(bytes, JsonFile.class);
        } catch (JsonProcessingException e) {
            throw new UsageException(file + ": not a figures file: " + e.getOriginalMessage());
        }
        if (f == null || f.figures() == null) {
            throw new UsageException(file + ": expected {\"unit\": ..., \"year\": ..., \"figures\": {...}}");
        }
        String u = unit != null ? unit : f.unit();
        Integer y = year != null ? year : f.year();
        if (u == null || u.isBlank() || y == null) {
            throw new UsageException(file + ": the unit and year must be in the file or given with --unit and --year");
        }
        return new FigureFile(u, y, new LinkedHashMap<>(f.figures()), f.declared() == null ? Map.of() : f.declared());
    }
}
