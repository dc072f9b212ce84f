package org.opengovinfo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.client.Results.BatchResult;
import org.opengovinfo.client.Results.Consolidated;
import org.opengovinfo.client.Results.SubmissionResult;
import org.opengovinfo.client.Results.Submission;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/** The client against a real service, on H2 and on PostgreSQL. */
class ReportsClientTest extends OnBothDatabases {

    private static ReportsClient admin;

    @BeforeParameterizedClassInvocation
    static void connect() {
        String url = service.request("/").build().uri().toString();
        admin = ReportsClient.builder(URI.create(url)).token(ServiceUnderTest.ADMIN_TOKEN).build();
        Results.ImportSummary imported = admin.importUnits(List.of(
                Unit.of("county", "罗庄区", "district", 2015, null),
                Unit.of("office", "区政府办公室", "own_office", 2015, "county"),
                Unit.of("street", "某街道", "street", 2015, "county"),
                Unit.of("dept", "区教育局", "department", 2015, "county")));
        assertEquals(new Results.ImportSummary(4, 0), imported);
    }

    @Test
    void aCountySubmitsItsPartsRollsUpAndPullsThePublishedTables() {
        PublishedReport published = PublishedReport.luozhuang2020();
        List<Figures> parts = ReportSplitter.split(published.figures(), 3, new Random(5));
        List<Submission> submissions = new ArrayList<>();
        List<String> units = List.of("office", "street", "dept");
        for (int i = 0; i < 3; i++) {
            submissions.add(new Submission(units.get(i), parts.get(i).given(), Map.of()));
        }
        Map<String, Object> declared = new LinkedHashMap<>();
        published.template().declaredCells().stream().forEach(i ->
                declared.put(published.template().cell(i).code(), published.cells().get(published.template().cell(i).code())));
        submissions.add(new Submission("county", Map.of(), declared));

        BatchResult batch = admin.batch(2020, submissions, false);
        String snapshot = admin.rollup("county", 2020).id();
        Consolidated pulled = admin.consolidated("county", 2020);

        assertEquals(4, batch.accepted());
        assertEquals(snapshot, pulled.snapshot());
        assertEquals(4, pulled.unitsReported());
        published.figures().toMap().forEach((cell, value) -> assertEquals(0,
                new BigDecimal(value.toString()).compareTo(new BigDecimal(pulled.figures().get(cell).toString())), cell));
        assertTrue(admin.consolidatedCsv("county", 2020).contains("\ns3.new.total,79,件,"));
        assertEquals(4, admin.completeness("county", 2020).reported());
    }

    @Test
    void aRejectedSubmissionCarriesEveryFindingCellByCell() {
        Map<String, Object> figures = FiguresBuilder.create()
                .cell("s4.reconsideration.upheld", 2)
                .cell("s4.reconsideration.total", 3)
                .cell("s2_5.licensing.decisions", -1)
                .build();

        RejectedException e = assertThrows(RejectedException.class, () -> admin.submit("street", 2021, figures));

        assertEquals(422, e.status());
        assertEquals("submission.rejected", e.code());
        assertEquals(List.of("input.negative"), e.findings().stream().map(Finding::rule).toList());
        assertEquals(List.of("s2_5.licensing.decisions"), e.findings().get(0).cells());

        figures.put("s2_5.licensing.decisions", 1);
        RejectedException rules = assertThrows(RejectedException.class, () -> admin.submit("street", 2021, figures));
        Finding total = rules.findings().get(0);
        assertEquals("s4.total", total.rule());
        assertEquals(new BigDecimal("1"), total.difference());
        assertTrue(total.isError());
    }

    @Test
    void aDryRunAndAnIdenticalResubmissionStoreNothingNew() {
        Map<String, Object> figures = FiguresBuilder.create().cell("s2_6.penalty.decisions", 7).build();

        SubmissionResult dry = admin.submit("dept", 2021, figures, Map.of(), true);
        SubmissionResult first = admin.submit("dept", 2021, figures);
        SubmissionResult again = admin.submit("dept", 2021, figures);

        assertEquals(List.of("valid", "accepted", "unchanged"), List.of(dry.status(), first.status(), again.status()));
        assertEquals(1, admin.versions("dept", 2021).size());
        assertEquals("admin", admin.figures("dept", 2021).submittedBy());
    }

    @Test
    void aBadTokenIsAnAuthExceptionAndAnUnknownUnitAnApiException() {
        ReportsClient stranger = ReportsClient.builder(URI.create(service.request("/").build().uri().toString()))
                .token("ogi_not-a-token-of-this-service-0123456789").build();

        AuthException auth = assertThrows(AuthException.class, () -> stranger.templates());
        ApiException missing = assertThrows(ApiException.class, () -> admin.unit("nobody"));

        assertEquals(List.of(401, "auth.invalid"), List.of(auth.status(), auth.code()));
        assertEquals(List.of(404, "unit.not_found"), List.of(missing.status(), missing.code()));
    }

    @Test
    void aScopedReporterIsForbiddenOutsideItsSubtree() {
        Results.TokenInfo issued = admin.createToken("street-clerk", "reporter", "street", null);
        assertEquals(List.of("street-clerk", "reporter", "street"), List.of(issued.principal(), issued.role(), issued.scope()));
        assertTrue(issued.token().startsWith("ogi_"), issued.token());
        String token = issued.token();
        ReportsClient clerk = ReportsClient.builder(URI.create(service.request("/").build().uri().toString())).token(token).build();

        AuthException e = assertThrows(AuthException.class,
                () -> clerk.submit("dept", 2020, FiguresBuilder.create().cell("s2_6.penalty.decisions", 1).build()));

        assertEquals(List.of(403, "access.forbidden"), List.of(e.status(), e.code()));
        assertEquals("accepted", clerk.submit("street", 2019, Map.of("s2_6.penalty.decisions", 1)).status());
        assertEquals("street-clerk", admin.audit("street", 2019, null).get(0).principal());
    }

    @Test
    void anUnreachableServiceIsAConnectionErrorAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ReportsClient nowhere = ReportsClient.builder(URI.create("http://127.0.0.1:" + port))
                .retries(2, Duration.ofMillis(10)).timeout(Duration.ofSeconds(2)).build();

        ConnectionException e = assertThrows(ConnectionException.class, () -> nowhere.templates());

        assertTrue(e.getMessage().contains("cannot reach http://127.0.0.1:" + port), e.getMessage());
    }
}
