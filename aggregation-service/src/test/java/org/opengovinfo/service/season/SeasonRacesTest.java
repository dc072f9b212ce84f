package org.opengovinfo.service.season;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengovinfo.service.testing.UnitBodies.unit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * The season's races, on one instance and across two sharing the database: an acceptance against a write, two
 * acceptors, a publication against a late write. Of two moves on one report exactly one wins and the other gets 409;
 * no write the service acknowledged ever slips in under a lock.
 */
class SeasonRacesTest extends OnBothDatabases {

    private static final int TRIALS = 8;
    private static ServiceUnderTest second;
    private static int counter;

    @BeforeParameterizedClassInvocation
    static void startASecondInstance() {
        second = ServiceUnderTest.start(service.datasource());
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }


    /** A fresh county with a town and a department; returns its id. */
    private static String county() {
        String k = "race-" + (++counter);
        Reply r = service.post("/api/v1/units/import", Map.of("units", List.of(unit(k, "county", null),
                unit(k + "-t", "town", k), unit(k + "-d", "department", k))));
        assertEquals(200, r.status(), r.raw().body());
        return k;
    }

    private static Map<String, Object> figures(int n) {
        return Map.of("figures", Map.of("s2_6.penalty.decisions", n));
    }

    private static Reply ok(Reply r) {
        assertTrue(r.status() < 300, r.status() + " " + r.raw().body());
        return r;
    }

    /** Runs two requests at the same moment and returns both answers. */
    private static List<Reply> atOnce(Function<Void, Reply> a, Function<Void, Reply> b) {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> {
            await(go);
            return a.apply(null);
        });
        CompletableFuture<Reply> other = CompletableFuture.supplyAsync(() -> {
            await(go);
            return b.apply(null);
        });
        go.countDown();
        return List.of(first.join(), other.join());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anAcceptanceAndAWriteAtTheSameMomentNeverBothWin() {
        for (ServiceUnderTest other : List.of(service, second)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String k = county();
                String town = "/api/v1/units/" + k + "-t";
                ok(service.put(town + "/figures/2021", figures(1)));
                ok(service.post(town + "/reports/2021/submit", Map.of()));

                List<Reply> replies = atOnce(v -> service.post(town + "/reports/2021/accept", Map.of("version", 1)),
                        v -> other.put(town + "/figures/2021", figures(2)));

                Reply accept = replies.get(0);
                Reply write = replies.get(1);
                assertTrue(accept.status() == 200 ^ write.status() == 200, accept.raw().body() + " / " + write.raw().body());
                JsonNode report = ok(service.get(town + "/reports/2021")).json();
                JsonNode figures = ok(service.get(town + "/figures/2021")).json();
                if (accept.status() == 200) {
                    assertEquals(List.of(409, "figures.locked"), List.of(write.status(), write.code()));
                    assertEquals(List.of("accepted", 1, 1), List.of(report.get("state").asText(),
                            report.get("report").get("version").asInt(), figures.get("version").asInt()));
                } else {
                    assertEquals(409, accept.status(), accept.raw().body());
                    assertEquals(List.of("draft", 2, 2), List.of(report.get("state").asText(),
                            report.get("report").get("version").asInt(), figures.get("version").asInt()));
                }
            }
        }
    }

    @Test
    void twoAcceptorsAtTheSameMomentAcceptOnce() {
        for (ServiceUnderTest other : List.of(service, second)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String k = county();
                String town = "/api/v1/units/" + k + "-t";
                ok(service.put(town + "/figures/2021", figures(1)));
                ok(service.post(town + "/reports/2021/submit", Map.of()));

                List<Reply> replies = atOnce(v -> service.post(town + "/reports/2021/accept", Map.of()),
                        v -> other.post(town + "/reports/2021/accept", Map.of()));

                long won = replies.stream().filter(r -> r.status() == 200).count();
                assertEquals(1, won, replies.get(0).raw().body() + " / " + replies.get(1).raw().body());
                replies.stream().filter(r -> r.status() != 200)
                        .forEach(r -> assertEquals(409, r.status(), r.raw().body()));
                List<String> accepted = ok(service.get("/api/v1/audit?unit=" + k + "-t&year=2021")).json()
                        .findValuesAsText("action").stream().filter("report.accepted"::equals).toList();
                assertEquals(1, accepted.size(), "one acceptance on record");
            }
        }
    }

    @Test
    void aPublicationAndALateWriteLeaveNoAcknowledgedWriteUnderTheLock() {
        for (ServiceUnderTest other : List.of(service, second)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String k = county();
                String base = "/api/v1/units/" + k;
                ok(service.put(base + "-t/figures/2021", figures(1)));
                ok(service.post(base + "-t/reports/2021/submit", Map.of()));
                ok(service.post(base + "-t/reports/2021/accept", Map.of()));
                // the department has a draft (version 1) and is published without, named missing
                ok(service.put(base + "-d/figures/2021", figures(4)));

                List<Reply> replies = atOnce(
                        v -> service.post(base + "/publications/2021", Map.of("missing", List.of(k + "-d"))),
                        v -> other.put(base + "-d/figures/2021", figures(5)));

                Reply publish = replies.get(0);
                Reply write = replies.get(1);
                assertTrue(publish.status() == 201 || publish.status() == 409, publish.raw().body());
                assertTrue(write.status() == 200 || write.status() == 409, write.raw().body());
                assertTrue(publish.status() == 201 || write.status() == 200, "one of them wins");
                Reply late = other.put(base + "-d/figures/2021", figures(6));
                if (publish.status() == 201) {
                    assertEquals(List.of(409, "figures.locked"), List.of(late.status(), late.code()), "locked now");
                    JsonNode report = ok(service.get(base + "-d/reports/2021")).json();
                    int figuresVersion = write.status() == 200 ? write.json().get("version").asInt() : 1;
                    assertEquals(figuresVersion, ok(service.get(base + "-d/figures/2021")).json().get("version").asInt());
                    assertEquals(figuresVersion, report.get("report").get("version").asInt(),
                            "the lock holds exactly the version acknowledged before it");
                } else {
                    assertEquals(200, write.status());
                    assertTrue(publish.code().startsWith("report.") || publish.code().equals("submission.concurrent_write"),
                            publish.raw().body());
                }
            }
        }
    }

    @Test
    void aPublicationAndAReopeningAtTheSameMomentNeverPublishAReportThatIsNoLongerAccepted() {
        for (ServiceUnderTest other : List.of(service, second)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String k = county();
                String base = "/api/v1/units/" + k;
                for (String u : List.of("-t", "-d")) {
                    ok(service.put(base + u + "/figures/2021", figures(1)));
                    ok(service.post(base + u + "/reports/2021/submit", Map.of()));
                    ok(service.post(base + u + "/reports/2021/accept", Map.of()));
                }

                List<Reply> replies = atOnce(v -> service.post(base + "/publications/2021", Map.of()),
                        v -> other.post(base + "-t/reports/2021/reopen", Map.of("reason", "更正")));

                Reply publish = replies.get(0);
                Reply reopen = replies.get(1);
                assertTrue(publish.status() == 201 ^ reopen.status() == 200, publish.raw().body() + " / " + reopen.raw().body());
                String state = ok(service.get(base + "-t/reports/2021")).json().get("state").asText();
                if (publish.status() == 201) {
                    assertEquals(List.of(409, "figures.locked", "accepted"), List.of(reopen.status(), reopen.code(), state));
                } else {
                    assertEquals(List.of(409, "returned"), List.of(publish.status(), state), publish.raw().body());
                }
            }
        }
    }
}
