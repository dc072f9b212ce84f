package org.opengovinfo.service.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Representation;
import org.opengovinfo.service.system.SpreadsheetText;
import org.opengovinfo.service.system.Words;

@Tag(name = "season")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/units/{id}")
class ProgressController {

    /** The most years one matrix spans: enough for every report since the regulation's 2008 start and then some. */
    static final int MOST_YEARS = 20;
    private static final CsvMapper CSV = new CsvMapper();

    private final ProgressService progress;
    private final AccessControl access;
    private final CurrentPrincipal principal;

    ProgressController(ProgressService progress, AccessControl access, CurrentPrincipal principal) {
        this.progress = progress;
        this.access = access;
        this.principal = principal;
    }

    @ApiResponse(responseCode = "200", description = "One row per unit, one cell per year (JSON), or as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Progress.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(operationId = "progressAcrossYears", summary = "报送情况（历年）: every unit of the subtree in each year "
            + "from fromYear to toYear — accepted, reported with warnings, reported, missing, or not in force; "
            + "?format=csv (or Accept: text/csv) for Excel")
    @Get(uri = "/progress", produces = {MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Access(value = Permission.ROLL_UP, unit = "id", year = "toYear")
    HttpResponse<?> progress(@PathVariable String id, @QueryValue @Nullable String fromYear,
                             @QueryValue @Nullable String toYear, @QueryValue @Nullable String format,
                             @Header("Accept") @Nullable String accept) {
        Representation as = Representation.choose(format, accept, Representation.JSON, Representation.CSV);
        int to = ReportYears.parse(toYear);
        int from = fromYear == null ? to : ReportYears.parse(fromYear);
        if (from > to || to - from >= MOST_YEARS) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("fromYear", from,
                    new Words("不晚于 toYear、且与之相差不到 " + MOST_YEARS + " 年的年度",
                            "a year no later than toYear and less than " + MOST_YEARS + " years before it"));
        }
        // @Access checked the last year; the matrix shows every year, so the subtree must hold the unit in each
        for (int year = from; year < to; year++) {
            access.requireWithin(principal.get(), id, year);
        }
        Progress matrix = progress.of(id, from, to);
        return as == Representation.CSV ? HttpResponse.ok(csv(matrix)).contentType(Representation.CSV.type())
                : HttpResponse.ok(matrix).contentType(Representation.JSON.type());
    }

    /** One line per unit with a column per year holding its status; UTF-8 with a byte order mark, for Excel. */
    private static String csv(Progress matrix) {
        CsvSchema.Builder schema = CsvSchema.builder();
        List<String> header = new ArrayList<>(List.of("unit", "name", "kind"));
        matrix.years().forEach(y -> header.add(String.valueOf(y)));
        header.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (Progress.Row row : matrix.units()) {
            List<String> line = new ArrayList<>(List.of(row.unit(), SpreadsheetText.guarded(row.name()), row.kind()));
            row.years().forEach(y -> line.add(y.status()));
            rows.add(line);
        }
        try {
            return "\uFEFF" + CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the progress as CSV", e);
        }
    }
}
