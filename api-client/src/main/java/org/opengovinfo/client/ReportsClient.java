package org.opengovinfo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opengovinfo.client.Results.AuditEvent;
import org.opengovinfo.client.Results.Rankings;
import org.opengovinfo.client.Results.Risks;
import org.opengovinfo.client.Results.UnitIndicators;
import org.opengovinfo.client.Results.StandardText;
import org.opengovinfo.client.Results.TextCheck;
import org.opengovinfo.client.Results.ImportedReport;
import org.opengovinfo.client.Results.Basis;
import org.opengovinfo.client.Results.BatchResult;
import org.opengovinfo.client.Results.Completeness;
import org.opengovinfo.client.Results.Consolidated;
import org.opengovinfo.client.Results.EventFeed;
import org.opengovinfo.client.Results.FindingsBelow;
import org.opengovinfo.client.Results.FindingsFilter;
import org.opengovinfo.client.Results.ImportSummary;
import org.opengovinfo.client.Results.Publication;
import org.opengovinfo.client.Results.PublicationDiff;
import org.opengovinfo.client.Results.Report;
import org.opengovinfo.client.Results.ReportDetail;
import org.opengovinfo.client.Results.Progress;
import org.opengovinfo.client.Results.ReportingStatus;
import org.opengovinfo.client.Results.RollupSummary;
import org.opengovinfo.client.Results.SnapshotDiff;
import org.opengovinfo.client.Results.StoredFigures;
import org.opengovinfo.client.Results.SubmissionResult;
import org.opengovinfo.client.Results.Submission;
import org.opengovinfo.client.Results.SubtreeEntry;
import org.opengovinfo.client.Results.Template;
import org.opengovinfo.client.Results.TemplateSummary;
import org.opengovinfo.client.Results.TokenInfo;
import org.opengovinfo.client.Results.Version;

/**
 * The service's API as plain Java calls. Thread-safe; make one and share it.
 *
 * <pre>{@code
 * ReportsClient client = ReportsClient.builder(URI.create("http://localhost:8080"))
 *         .token(System.getenv("OGI_TOKEN"))
 *         .build();
 * SubmissionResult r = client.submit("371311", 2021, FiguresBuilder.create()
 *         .cell("s4.reconsideration.upheld", 3)
 *         .build());
 * }</pre>
 *
 * <p>Refusals throw {@link ApiException} (with the problem's code), {@link RejectedException} (422, with every
 * finding) or {@link AuthException} (401/403); an unreachable service throws {@link ConnectionException}. Reads,
 * PUTs and DELETEs — idempotent calls — are retried with exponential backoff on connection failures and 502/503/504;
 * POSTs never are.
 */
public final class ReportsClient {

    private static final Set<Integer> RETRYABLE = Set.of(502, 503, 504);
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final URI base;
    private final String token;
    private final String language;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final HttpClient http;

    private ReportsClient(Builder b) {
        this.base = b.base;
        this.token = b.token;
        this.language = b.language;
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.backoff = b.backoff;
        this.sleeper = b.sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
    }

    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /** Waits before a retry: {@link Thread#sleep(long)} unless a test gives its own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /**
     * Settings: the token, the time allowed per request (default 30 s), retries for idempotent calls (default 3, the
     * first after 200 ms, then doubling).
     */
    public static final class Builder {
        private final URI base;
        private String token;
        private String language;
        private Duration timeout = Duration.ofSeconds(30);
        private int retries = 3;
        private Duration backoff = Duration.ofMillis(200);
        private Sleeper sleeper = delay -> Thread.sleep(delay.toMillis());

        private Builder(URI base) {
            this.base = Objects.requireNonNull(base, "base");
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * The language of the service's problem {@code detail} ({@code Accept-Language}): {@code "en"} for English;
         * {@code null} (the default) leaves it to the service, which answers in Chinese.
         */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How often an idempotent call is retried; the wait doubles from {@code backoff} each time. */
        public Builder retries(int retries, Duration backoff) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be ≥ 0");
            }
            this.retries = retries;
            this.backoff = backoff;
            return this;
        }

        /** How to wait between retries (the delays are {@code backoff}, 2 × {@code backoff}, 4 × …). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public ReportsClient build() {
            return new ReportsClient(this);
        }
    }

    // ---- units -----------------------------------------------------------------------------------------------

    public Unit createUnit(Unit unit) {
        return call("POST", "/api/v1/units", unit, Unit.class);
    }

    public Unit updateUnit(Unit unit) {
        return call("PUT", "/api/v1/units/" + seg(unit.id()), unit, Unit.class);
    }

    public Unit unit(String id) {
        return call("GET", "/api/v1/units/" + seg(id), null, Unit.class);
    }

    public List<Unit> children(String id, int year) {
        return call("GET", "/api/v1/units/" + seg(id) + "/children?year=" + year, null, new TypeReference<>() {});
    }

    public List<SubtreeEntry> subtree(String id, int year) {
        return call("GET", "/api/v1/units/" + seg(id) + "/subtree?year=" + year, null, new TypeReference<>() {});
    }

    /** Creates or replaces many units at once, all or nothing. */
    public ImportSummary importUnits(List<Unit> units) {
        return call("POST", "/api/v1/units/import", Map.of("units", units), ImportSummary.class);
    }

    /** The same from CSV: {@code id,name,kind,divisionCode,fromYear,toYear,parent}. */
    public ImportSummary importUnitsCsv(String csv) {
        return parse(send("POST", "/api/v1/units/import", HttpRequest.BodyPublishers.ofString(csv), "text/csv"),
                ImportSummary.class);
    }

    // ---- templates -------------------------------------------------------------------------------------------

    public List<TemplateSummary> templates() {
        return call("GET", "/api/v1/templates", null, new TypeReference<>() {});
    }

    public TemplateSummary templateForYear(int year) {
        List<TemplateSummary> one = call("GET", "/api/v1/templates?year=" + year, null, new TypeReference<>() {});
        return one.get(0);
    }

    /** A template with every table, cell and rule. */
    public Template template(String id) {
        return call("GET", "/api/v1/templates/" + seg(id), null, Template.class);
    }

    // ---- figures ---------------------------------------------------------------------------------------------

    /** Submits a unit's figures (cell code → value); throws {@link RejectedException} listing every finding. */
    public SubmissionResult submit(String unit, int year, Map<String, ?> figures) {
        return submit(unit, year, figures, Map.of(), false);
    }

    /**
     * @param declared a consolidating unit's declared values for its consolidated report
     * @param dryRun validate only; nothing is stored
     */
    public SubmissionResult submit(String unit, int year, Map<String, ?> figures, Map<String, ?> declared, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("figures", figures);
        if (!declared.isEmpty()) {
            body.put("declared", declared);
        }
        return call("PUT", "/api/v1/units/" + seg(unit) + "/figures/" + year + (dryRun ? "?dryRun=true" : ""),
                body, SubmissionResult.class);
    }

    /** The XLSX form's media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * Submits a filled-in form as it is: an XLSX workbook ({@link #XLSX}) or a CSV form ({@code text/csv}), which the
     * service reads; its findings carry their place in the form.
     */
    public SubmissionResult submitForm(String unit, int year, byte[] form, String contentType, boolean dryRun) {
        HttpResponse<byte[]> response = exchange("PUT", "/api/v1/units/" + seg(unit) + "/figures/" + year
                + (dryRun ? "?dryRun=true" : ""), HttpRequest.BodyPublishers.ofByteArray(form), contentType,
                "application/json", HttpResponse.BodyHandlers.ofByteArray());
        try {
            return JSON.readValue(response.body(), SubmissionResult.class);
        } catch (IOException e) {
            throw new ApiException(response.statusCode(), "client.unreadable_answer", e.getMessage(), List.of());
        }
    }

    /** A unit's empty form for a year: {@code format} is {@code xlsx}, {@code csv} or {@code html}. */
    public byte[] form(String unit, int year, String format) {
        return download("/api/v1/units/" + seg(unit) + "/form/" + year + "?format=" + seg(format));
    }

    /**
     * A unit's report of a year in the official layout ({@code html}, {@code xlsx} or {@code csv}): its own figures,
     * or its consolidated ones from the latest snapshot or {@code snapshot} (may be {@code null}).
     */
    public byte[] report(String unit, int year, boolean consolidated, String snapshot, String format) {
        return download("/api/v1/units/" + seg(unit) + "/report/" + year + "?format=" + seg(format)
                + (consolidated ? "&source=consolidated" : "") + (snapshot == null ? "" : "&snapshot=" + seg(snapshot)));
    }

    private byte[] download(String path) {
        return exchange("GET", path, null, null, "*/*", HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    public StoredFigures figures(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/figures/" + year, null, StoredFigures.class);
    }

    public List<Version> versions(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/figures/" + year + "/versions", null, new TypeReference<>() {});
    }

    public StoredFigures version(String unit, int year, int version) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/figures/" + year + "/versions/" + version, null,
                StoredFigures.class);
    }

    /** Many units' figures for one year; each unit is all or nothing, and the answer says how each fared. */
    public BatchResult batch(int year, List<Submission> submissions, boolean dryRun) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Submission s : submissions) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("unit", s.unit());
            item.put("figures", s.figures());
            if (s.declared() != null && !s.declared().isEmpty()) {
                item.put("declared", s.declared());
            }
            items.add(item);
        }
        return call("POST", "/api/v1/figures/batch", Map.of("year", year, "dryRun", dryRun, "submissions", items),
                BatchResult.class);
    }

    // ---- rollups ---------------------------------------------------------------------------------------------

    public Completeness completeness(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/completeness/" + year, null, Completeness.class);
    }

    /** Rolls up the unit's subtree into a new snapshot and returns its summary, with completeness. */
    public RollupSummary rollup(String unit, int year) {
        return rollup(unit, year, Basis.ALL);
    }

    /** The same over {@code basis}: {@link Basis#ACCEPTED} adds up accepted reports only (what gets published). */
    public RollupSummary rollup(String unit, int year, Basis basis) {
        return call("POST", "/api/v1/units/" + seg(unit) + "/rollups/" + year
                + (basis == Basis.ACCEPTED ? "?basis=accepted" : ""), Map.of(), RollupSummary.class);
    }

    public List<RollupSummary> rollups(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/rollups/" + year, null, new TypeReference<>() {});
    }

    /** A whole snapshot document. */
    public JsonNode snapshot(String id) {
        return call("GET", "/api/v1/rollups/" + seg(id), null, JsonNode.class);
    }

    public JsonNode diff(String from, String to) {
        return call("GET", "/api/v1/rollups/" + seg(from) + "/diff/" + seg(to), null, JsonNode.class);
    }

    /** {@link #diff} as typed values. */
    public SnapshotDiff snapshotDiff(String from, String to) {
        return call("GET", "/api/v1/rollups/" + seg(from) + "/diff/" + seg(to), null, SnapshotDiff.class);
    }

    /** The unit's consolidated figures from the latest snapshot. */
    public Consolidated consolidated(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/consolidated/" + year, null, Consolidated.class);
    }

    /** The unit's consolidated figures from a given snapshot, e.g. the one {@link #rollup} just made. */
    public Consolidated consolidated(String unit, int year, String snapshot) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/consolidated/" + year + "?snapshot=" + seg(snapshot), null,
                Consolidated.class);
    }

    /** The same as CSV: {@code cell,value,unit,label,declared,difference}, one line per cell of the template. */
    public String consolidatedCsv(String unit, int year) {
        return consolidatedAs(unit, year, null, "csv");
    }

    /**
     * The unit's consolidated figures from the latest snapshot, or from {@code snapshot} if not null, as {@code csv}
     * or {@code sdmx} (SDMX-CSV 1.0: one observation per cell, a blank cell with status M).
     */
    public String consolidatedAs(String unit, int year, String snapshot, String format) {
        return send("GET", "/api/v1/units/" + seg(unit) + "/consolidated/" + year + "?format=" + seg(format)
                + (snapshot == null ? "" : "&snapshot=" + seg(snapshot)), null, null).body();
    }

    // ---- the reporting season -------------------------------------------------------------------------------

    /** Where the unit's report stands, with its history (versions stored and moves). */
    public ReportDetail report(String unit, int year) {
        return call("GET", reportPath(unit, year), null, ReportDetail.class);
    }

    /**
     * Hands the report in (报送).
     *
     * @param version the version seen, or {@code null} for the current one
     * @param missing for a consolidating unit, the units below it handed in without (empty: none)
     */
    public Report handIn(String unit, int year, Integer version, List<String> missing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        if (!missing.isEmpty()) {
            body.put("missing", missing);
        }
        return call("POST", reportPath(unit, year) + "/submit", body, Report.class);
    }

    /** Accepts a handed-in report (审核通过); {@code version} {@code null}: the current one. */
    public Report accept(String unit, int year, Integer version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        return call("POST", reportPath(unit, year) + "/accept", body, Report.class);
    }

    /** Returns a handed-in report to its unit (退回) with a comment. */
    public Report giveBack(String unit, int year, Integer version, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("comment", comment);
        return call("POST", reportPath(unit, year) + "/return", body, Report.class);
    }

    /** Reopens an accepted report with a reason: it goes back to its unit as returned. */
    public Report reopen(String unit, int year, String reason) {
        return call("POST", reportPath(unit, year) + "/reopen", Map.of("reason", reason), Report.class);
    }

    /** 报送进度 of the unit's subtree. */
    public ReportingStatus status(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/status/" + year, null, ReportingStatus.class);
    }

    /** The same as the service's CSV: a line per unit below and a last line for the whole subtree. */
    public String statusCsv(String unit, int year) {
        return send("GET", "/api/v1/units/" + seg(unit) + "/status/" + year + "?format=csv", null, null).body();
    }

    /** 报送情况（历年）: every unit of the subtree in each year from {@code from} to {@code to}. */
    public Progress progress(String unit, int from, int to) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/progress?fromYear=" + from + "&toYear=" + to, null,
                Progress.class);
    }

    /** The same as the service's CSV: a line per unit, a column per year. */
    public String progressCsv(String unit, int from, int to) {
        return send("GET", "/api/v1/units/" + seg(unit) + "/progress?fromYear=" + from + "&toYear=" + to
                + "&format=csv", null, null).body();
    }

    /** Publishes the unit's year (发布), naming the units below published without (empty: none). */
    public Publication publish(String unit, int year, List<String> missing) {
        return call("POST", publicationsPath(unit, year), missing.isEmpty() ? Map.of() : Map.of("missing", missing),
                Publication.class);
    }

    /** The unit's publications of a year, first first. */
    public List<Publication> publications(String unit, int year) {
        return call("GET", publicationsPath(unit, year), null, new TypeReference<>() {});
    }

    /** Reopens the standing publication (更正; administrators) with a reason. */
    public Publication reopenPublication(String unit, int year, String reason) {
        return call("POST", publicationsPath(unit, year) + "/reopen", Map.of("reason", reason), Publication.class);
    }

    /** What changed between publications {@code from} and {@code to} (sequence numbers), and why. */
    public PublicationDiff publicationDiff(String unit, int year, int from, int to) {
        return call("GET", publicationsPath(unit, year) + "/diff?from=" + from + "&to=" + to, null, PublicationDiff.class);
    }

    /** What happened in the unit's subtree after cursor {@code since} (0: from the start), at most {@code limit}. */
    public EventFeed events(String unit, long since, int limit) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/events?since=" + since + "&limit=" + limit, null,
                EventFeed.class);
    }

    /**
     * Every finding on the current figures of the unit's subtree for a year: each unit's own figures (against the rules
     * and its previous year) and each consolidating unit's rollup reconciled against what it declared. A filter that
     * cannot match anything is refused (400 {@code request.invalid_parameter}).
     */
    public FindingsBelow findingsBelow(String unit, int year, FindingsFilter filter) {
        return call("GET", findingsPath(unit, year, filter, null), null, FindingsBelow.class);
    }

    /** The same as the service's JSON, every field kept (a newer service's too). */
    public JsonNode findingsBelowJson(String unit, int year, FindingsFilter filter) {
        return call("GET", findingsPath(unit, year, filter, null), null, JsonNode.class);
    }

    /** The same as the service's CSV: a line per finding, cells and their printed labels, the message. */
    public String findingsBelowCsv(String unit, int year, FindingsFilter filter) {
        return send("GET", findingsPath(unit, year, filter, "csv"), null, null).body();
    }

    /** A unit's indicators of its own figures ({@code consolidated} false) or of its latest consolidated ones. */
    public UnitIndicators indicators(String unit, int year, boolean consolidated) {
        return call("GET", indicatorsPath(unit, year, consolidated, null), null, UnitIndicators.class);
    }

    /** The same as the service's CSV: a line per indicator. */
    public String indicatorsCsv(String unit, int year, boolean consolidated) {
        return send("GET", indicatorsPath(unit, year, consolidated, "csv"), null, null).body();
    }

    private static String indicatorsPath(String unit, int year, boolean consolidated, String format) {
        List<String> query = new ArrayList<>();
        param(query, "source", consolidated ? "consolidated" : null);
        param(query, "format", format);
        return "/api/v1/units/" + seg(unit) + "/indicators/" + year + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** The standard text of a unit's own figures, or of its consolidated ones (latest snapshot, or {@code snapshot}). */
    public StandardText standardText(String unit, int year, boolean consolidated, String snapshot) {
        return call("GET", textPath(unit, year, consolidated, snapshot, null), null, StandardText.class);
    }

    /** The same as plain text, a paragraph per line, in the client's language. */
    public String standardTextPlain(String unit, int year, boolean consolidated, String snapshot) {
        return send("GET", textPath(unit, year, consolidated, snapshot, "text"), null, null).body();
    }

    private static String textPath(String unit, int year, boolean consolidated, String snapshot, String format) {
        List<String> query = new ArrayList<>();
        param(query, "source", consolidated ? "consolidated" : null);
        param(query, "snapshot", snapshot);
        param(query, "format", format);
        return "/api/v1/units/" + seg(unit) + "/text/" + year + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /**
     * A report's text checked against tables: {@code source} {@code own}, {@code consolidated}, {@code report} (the
     * tables inside the text) or {@code null} (the report's tables when it holds them, else the unit's own figures).
     */
    public TextCheck checkText(String unit, int year, String text, String source) {
        List<String> query = new ArrayList<>();
        param(query, "source", source);
        String path = "/api/v1/units/" + seg(unit) + "/text-checks/" + year + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return parse(send("POST", path, HttpRequest.BodyPublishers.ofString(text, java.nio.charset.StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8"), TextCheck.class);
    }

    /**
     * A published report (text, {@code text/plain}, or a saved page, {@code text/html}) read into the year's
     * template; stored through the figures' submission path only when {@code store}.
     */
    public ImportedReport importReport(String unit, int year, byte[] report, String contentType, boolean store) {
        return parse(send("POST", "/api/v1/units/" + seg(unit) + "/imports/" + year + (store ? "?store=true" : ""),
                HttpRequest.BodyPublishers.ofByteArray(report), contentType), ImportedReport.class);
    }

    /** The units directly below {@code unit} ranked by each indicator, or by {@code indicator} alone (not null). */
    public Rankings rankings(String unit, int year, String indicator) {
        return call("GET", rankingsPath(unit, year, indicator, null), null, Rankings.class);
    }

    /** The same as the service's CSV: a line per child and indicator, then the spread. */
    public String rankingsCsv(String unit, int year, String indicator) {
        return send("GET", rankingsPath(unit, year, indicator, "csv"), null, null).body();
    }

    private static String rankingsPath(String unit, int year, String indicator, String format) {
        List<String> query = new ArrayList<>();
        param(query, "indicator", indicator);
        param(query, "format", format);
        return "/api/v1/units/" + seg(unit) + "/rankings/" + year + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** Risk flags across the unit's subtree. */
    public Risks risks(String unit, int year) {
        return call("GET", "/api/v1/units/" + seg(unit) + "/risks/" + year, null, Risks.class);
    }

    /** The same as the service's CSV: a line per flag. */
    public String risksCsv(String unit, int year) {
        return send("GET", "/api/v1/units/" + seg(unit) + "/risks/" + year + "?format=csv", null, null).body();
    }

    private static String findingsPath(String unit, int year, FindingsFilter filter, String format) {
        FindingsFilter f = filter == null ? FindingsFilter.NONE : filter;
        List<String> query = new ArrayList<>();
        param(query, "rule", f.rule());
        param(query, "severity", f.severity());
        param(query, "kind", f.kind());
        param(query, "unit", f.unit());
        param(query, "format", format);
        return "/api/v1/units/" + seg(unit) + "/findings/" + year + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private static void param(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + seg(value));
        }
    }

    private static String reportPath(String unit, int year) {
        return "/api/v1/units/" + seg(unit) + "/reports/" + year;
    }

    private static String publicationsPath(String unit, int year) {
        return "/api/v1/units/" + seg(unit) + "/publications/" + year;
    }

    // ---- access ----------------------------------------------------------------------------------------------

    /**
     * @param role administrator, consolidator, reporter or reader
     * @param scope the unit whose subtree the token covers, or {@code null} for everything
     * @param expiresAt an instant such as {@code 2027-01-31T16:00:00Z}, or {@code null}
     */
    public TokenInfo createToken(String principal, String role, String scope, String expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("principal", principal);
        body.put("role", role);
        body.put("scope", scope);
        body.put("expiresAt", expiresAt);
        return call("POST", "/api/v1/tokens", body, TokenInfo.class);
    }

    public List<TokenInfo> tokens() {
        return call("GET", "/api/v1/tokens", null, new TypeReference<>() {});
    }

    public void revokeToken(String id) {
        send("DELETE", "/api/v1/tokens/" + seg(id), null, null);
    }

    /** The audit trail, newest first; any criterion may be {@code null}. */
    public List<AuditEvent> audit(String unit, Integer year, String principal) {
        StringBuilder query = new StringBuilder("/api/v1/audit?limit=1000");
        if (unit != null) {
            query.append("&unit=").append(seg(unit));
        }
        if (year != null) {
            query.append("&year=").append(year);
        }
        if (principal != null) {
            query.append("&principal=").append(seg(principal));
        }
        return call("GET", query.toString(), null, new TypeReference<>() {});
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return parse(send(method, path, json(body), "application/json"), type);
    }

    private <T> T call(String method, String path, Object body, TypeReference<T> type) {
        HttpResponse<String> response = send(method, path, json(body), "application/json");
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ApiException(response.statusCode(), "client.unreadable_answer", e.getOriginalMessage(), List.of());
        }
    }

    private static <T> T parse(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ApiException(response.statusCode(), "client.unreadable_answer", e.getOriginalMessage(), List.of());
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON", e);
        }
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        return exchange(method, path, body, contentType, "application/json", HttpResponse.BodyHandlers.ofString());
    }

    private <B> HttpResponse<B> exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                                         String accept, HttpResponse.BodyHandler<B> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body)
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        boolean idempotent = !method.equals("POST");
        int attempts = idempotent ? retries + 1 : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<B> response = http.send(request.build(), handler);
                if (attempt < attempts && RETRYABLE.contains(response.statusCode())) {
                    pause(attempt);
                    continue;
                }
                if (response.statusCode() >= 400) {
                    Object b = response.body();
                    throw problem(response.statusCode(), b instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(b));
                }
                return response;
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new ConnectionException("cannot reach " + base + " (" + method + " " + path + "): " + e, e);
                }
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionException("interrupted while calling " + base, e);
            }
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(backoff.multipliedBy(1L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting to retry", e);
        }
    }

    private static ApiException problem(int status, String body) {
        String code = "http." + status;
        String detail = body;
        JsonNode document = null;
        List<Finding> findings = new ArrayList<>();
        List<ProblemItem> problems = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.has("code")) {
                document = problem;
                code = problem.get("code").asText();
                detail = problem.path("detail").asText(null);
                for (JsonNode e : problem.path("errors")) {
                    if (e.has("rule")) {
                        findings.add(JSON.treeToValue(e, Finding.class));
                    } else {
                        problems.add(ProblemItem.of(e));
                    }
                }
            }
        } catch (JsonProcessingException notJson) {
            // keep the raw body as the detail
        }
        if (status == 401 || status == 403) {
            return new AuthException(status, code, detail, problems, document);
        }
        return status == 422 && !findings.isEmpty()
                ? new RejectedException(status, code, detail, findings, problems, document)
                : new ApiException(status, code, detail, findings, problems, document);
    }

    private static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
