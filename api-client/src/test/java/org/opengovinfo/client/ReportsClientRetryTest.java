package org.opengovinfo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovinfo.client.testing.StubServer;
import org.opengovinfo.client.testing.StubServer.Answer;

/**
 * Retries as a stub service sees them: idempotent calls (GET, PUT, DELETE) are sent again after 502/503/504 or a
 * connection failure, a bounded number of times with doubling delays; a POST is sent exactly once. The delays go to
 * a recording sleeper, so nothing here waits.
 */
class ReportsClientRetryTest {

    private static final Answer UNAVAILABLE = Answer.problem(503,
            "{\"type\":\"urn:problem:service.unavailable\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"code\":\"service.unavailable\",\"detail\":\"try again\"}");
    private static final String SUBMITTED = "{\"unit\":\"u\",\"year\":2021,\"template\":\"2021\",\"status\":\"accepted\","
            + "\"version\":1,\"findings\":[],\"figures\":{\"s2_6.penalty.decisions\":7}}";

    private StubServer stub;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        stub = StubServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ReportsClient client(URI base, int retries) {
        return ReportsClient.builder(base).token("ogi_stub").timeout(Duration.ofSeconds(5))
                .retries(retries, Duration.ofMillis(100)).sleeper(waits::add).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void aReadIsRetriedAfterAGatewayOrUnavailableAnswerAndSucceeds(int status) {
        stub.answer(Answer.status(status), Answer.json(200, "[]"));

        List<Results.TemplateSummary> templates = client(stub.uri(), 3).templates();

        assertEquals(List.of(), templates);
        assertEquals(List.of("GET", "GET"), stub.requests().stream().map(StubServer.Request::method).toList());
        assertEquals(List.of(Duration.ofMillis(100)), waits);
    }

    @Test
    void aPutIsRetriedWithTheSameBodyAndSucceeds() {
        stub.answer(UNAVAILABLE, Answer.json(200, SUBMITTED));

        Results.SubmissionResult r = client(stub.uri(), 3).submit("u", 2021, Map.of("s2_6.penalty.decisions", 7));

        assertEquals("accepted", r.status());
        List<StubServer.Request> sent = stub.requests();
        assertEquals(2, sent.size());
        assertEquals(List.of("PUT", "PUT"), sent.stream().map(StubServer.Request::method).toList());
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertEquals("{\"figures\":{\"s2_6.penalty.decisions\":7}}", sent.get(1).body());
    }

    @Test
    void aDeleteIsRetried() {
        stub.answer(UNAVAILABLE, Answer.status(204));

        client(stub.uri(), 3).revokeToken("t1");

        assertEquals(List.of("DELETE", "DELETE"), stub.requests().stream().map(StubServer.Request::method).toList());
    }

    @Test
    void aPostIsSentExactlyOnceAndTheUnavailableAnswerSurfaces() {
        stub.answer(UNAVAILABLE, Answer.json(201, "{\"id\":\"s1\",\"unit\":\"u\",\"year\":2021}"));

        ApiException e = assertThrows(ApiException.class, () -> client(stub.uri(), 3).rollup("u", 2021));

        assertEquals(503, e.status());
        assertEquals("service.unavailable", e.code());
        assertEquals(1, stub.requests().size());
        assertEquals("POST", stub.requests().get(0).method());
        assertEquals(List.of(), waits);
    }

    @Test
    void retriesAreBoundedAndTheirDelaysDouble() {
        // More 503s than the client may try; if retries were unbounded, the tenth request would succeed.
        for (int i = 0; i < 9; i++) {
            stub.answer(UNAVAILABLE);
        }
        stub.answer(Answer.json(200, "[]"));

        ApiException e = assertThrows(ApiException.class, () -> client(stub.uri(), 3).templates());

        assertEquals(503, e.status());
        assertEquals(4, stub.requests().size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), waits);
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        stub.answer(Answer.problem(500, "{\"code\":\"server.error\",\"status\":500,\"detail\":\"failed\"}"),
                Answer.json(200, "[]"));

        ApiException e = assertThrows(ApiException.class, () -> client(stub.uri(), 3).templates());

        assertEquals(500, e.status());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void aReadIsRetriedOnConnectionFailuresAPostIsNot() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ReportsClient nowhere = client(URI.create("http://127.0.0.1:" + port), 2);

        assertThrows(ConnectionException.class, nowhere::templates);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);

        waits.clear();
        assertThrows(ConnectionException.class, () -> nowhere.rollup("u", 2021));
        assertEquals(List.of(), waits);
    }

    @Test
    void everyEntryOfAProblemIsKeptWithItsLineWhereGiven() {
        stub.answer(Answer.problem(422, "{\"type\":\"urn:problem:unit.invalid\",\"status\":422,\"code\":\"unit.invalid\","
                + "\"detail\":\"2 problem(s) with the units given\",\"errors\":["
                + "{\"unit\":\"a\",\"code\":\"unit.unknown_parent\",\"message\":\"parent x of a is not a known unit\",\"line\":3},"
                + "{\"unit\":\"b\",\"code\":\"unit.unknown_kind\",\"message\":\"kind must be one of …\"}]}"));

        ApiException e = assertThrows(ApiException.class, () -> client(stub.uri(), 3).importUnitsCsv("id\n"));

        assertEquals(List.of(new ProblemItem(3, "a", "unit.unknown_parent", null, "parent x of a is not a known unit"),
                new ProblemItem(null, "b", "unit.unknown_kind", null, "kind must be one of …")), e.problems());
        assertEquals("unit.invalid", e.document().get("code").asText());
        assertEquals(1, stub.requests().size());
    }
}
