package org.opengovinfo.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.UnitBodies;

/**
 * The web app's sessions and page safety over plain HTTP (no browser), on both databases: the cookie's flags, CSRF
 * refusals, the security policy of every page, a hostile unit name escaped, sign-out ending the session on every
 * instance, and a session that is exactly its token (revoked, it ends).
 */
class WebSessionHttpTest extends OnBothDatabases {

    private static String reporterToken;
    private static String countyToken;

    @BeforeParameterizedClassInvocation
    static void hierarchy() {
        service.post("/api/v1/units", UnitBodies.unit("city", "city", null)).ok();
        service.post("/api/v1/units", UnitBodies.unit("county-a", "county", "city")).ok();
        service.post("/api/v1/units", UnitBodies.unit("county-b", "county", "city")).ok();
        service.post("/api/v1/units", UnitBodies.unit("town-a", "town", "county-a")).ok();
        service.post("/api/v1/units", UnitBodies.unit("town-b", "town", "county-b")).ok();
        reporterToken = service.post("/api/v1/tokens", Map.of("principal", "王芳", "role", "reporter", "scope", "town-a"))
                .ok().json().get("token").asText();
        countyToken = service.post("/api/v1/tokens", Map.of("principal", "李强", "role", "consolidator", "scope", "county-a"))
                .ok().json().get("token").asText();
    }

    /** A signed-in browser, as far as HTTP goes: its cookie and the CSRF token its pages carry. */
    record Browser(String cookie, String csrf) {
    }

    static Reply signIn(ServiceUnderTest on, String token, String... headers) {
        HttpRequest.Builder request = on.anonymous().request("/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return on.send(request.build());
    }

    static Browser browser(ServiceUnderTest on, String token) {
        Reply signedIn = signIn(on, token);
        assertEquals(303, signedIn.status(), signedIn.raw().body());
        String cookie = signedIn.header("Set-Cookie").split(";")[0];
        Reply page = get(on, cookie, get(on, cookie, "/web/home").header("Location"));
        assertEquals(200, page.status(), page.raw().body());
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.raw().body());
        assertTrue(m.find(), "the page carries its CSRF token");
        return new Browser(cookie, m.group(1));
    }

    static Reply get(ServiceUnderTest on, String cookie, String path) {
        return on.send(on.anonymous().request(path).header("Cookie", cookie).GET().build());
    }

    static Reply put(ServiceUnderTest on, Browser b, String path, String body, String csrf) {
        HttpRequest.Builder r = on.anonymous().request(path).header("Cookie", b.cookie())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            r.header("X-CSRF-Token", csrf);
        }
        return on.send(r.build());
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndKeepsTheTokenOutOfEveryUrl() {
        Reply plain = signIn(service, reporterToken);
        assertEquals(303, plain.status());
        assertEquals("/web/home", plain.header("Location"));
        String cookie = plain.header("Set-Cookie");
        assertTrue(cookie.startsWith("ogi_session="), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "not over plain HTTP: " + cookie);
        assertFalse(cookie.contains(reporterToken), "the cookie is a session id, not the token");
        Reply tls = signIn(service, reporterToken, "X-Forwarded-Proto", "https");
        assertTrue(tls.header("Set-Cookie").contains("Secure"), tls.header("Set-Cookie"));

        Reply home = get(service, cookie.split(";")[0], "/web/home");
        assertEquals(303, home.status());
        assertEquals("/web/units/town-a/2021", home.header("Location"));
        assertFalse(home.header("Location").contains(reporterToken));
    }

    @Test
    void aWrongTokenOrAnotherSitesFormSignsNobodyIn() {
        Reply wrong = signIn(service, "ogi_not-a-token-of-this-service-at-all-000000");
        assertEquals(401, wrong.status());
        assertNull(wrong.header("Set-Cookie"));
        assertTrue(wrong.raw().body().contains("无法登录"), wrong.raw().body());
        Reply crossSite = signIn(service, reporterToken, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.status());
        assertNull(crossSite.header("Set-Cookie"));
    }

    @Test
    void aCookieWriteWithoutTheSessionsCsrfTokenIsRefused() {
        Browser b = browser(service, reporterToken);
        String body = "{\"figures\": {\"s4.reconsideration.upheld\": 1}}";
        String path = "/api/v1/units/town-a/figures/2021?dryRun=true";
        Reply none = put(service, b, path, body, null);
        assertEquals(List.of(403, "auth.csrf"), List.of(none.status(), none.code()));
        Reply wrong = put(service, b, path, body, b.csrf() + "x");
        assertEquals(List.of(403, "auth.csrf"), List.of(wrong.status(), wrong.code()));
        Reply other = put(service, b, path, body, browser(service, reporterToken).csrf());
        assertEquals(List.of(403, "auth.csrf"), List.of(other.status(), other.code()), "another session's token");
        Reply right = put(service, b, path, body, b.csrf());
        assertEquals(200, right.status(), right.raw().body());
        // reading needs no CSRF token; signing out without it ends nothing
        assertEquals(200, get(service, b.cookie(), "/api/v1/units/town-a/reports/2021").status());
        Reply signOut = service.send(service.anonymous().request("/sign-out").header("Cookie", b.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")).build());
        assertEquals(403, signOut.status());
        assertEquals(200, get(service, b.cookie(), "/web/units/town-a/2021").status(), "still signed in");
    }

    @Test
    void everyPageForbidsInlineScriptsAndFraming() {
        Browser b = browser(service, countyToken);
        for (String path : List.of("/", "/web/units/county-a/2021", "/web/units/town-a/2021/review",
                "/web/units/county-a/2021/consolidated", "/web/units/county-a/2021/charts", "/web/units/county-b/2021")) {
            Reply page = get(service, b.cookie(), path);
            String csp = page.header("Content-Security-Policy");
            assertNotNull(csp, path);
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                    && csp.contains("default-src 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", page.header("X-Frame-Options"));
            String html = page.raw().body();
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    path + " has an inline script");
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    path + " has an inline event handler");
            assertFalse(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    path + " has an inline style");
        }
    }

    @Test
    void aPageOutsideTheSubtreeIsAChineseErrorPageAndNoSessionSendsTheBrowserToSignIn() {
        Browser b = browser(service, reporterToken);
        Reply sibling = get(service, b.cookie(), "/web/units/town-b/2021");
        assertEquals(403, sibling.status());
        assertTrue(sibling.contentType().startsWith("text/html"), sibling.contentType());
        assertTrue(sibling.raw().body().contains("data-code=\"access.forbidden\""), sibling.raw().body());
        Reply review = get(service, b.cookie(), "/web/units/town-a/2021/review");
        assertEquals(403, review.status(), "a reporter does not review");
        Reply anonymous = service.send(service.anonymous().request("/web/units/town-a/2021").GET().build());
        assertEquals(303, anonymous.status());
        assertEquals("/", anonymous.header("Location"));
    }

    @Test
    void aHostileUnitNameIsShownAsTextWithItsControlsVisible() {
        service.post("/api/v1/units", Map.of("id", "town-x", "name", "<img src=x onerror=alert(1)>\"镇", "kind", "town",
                "fromYear", 2015, "parent", "county-a")).ok();
        // names with control characters and bidirectional overrides were stored before the API refused them
        TransactionOperations<Connection> tx = service.bean(TransactionOperations.class);
        tx.executeWrite(status -> service.bean(JdbcOperations.class).prepareStatement(
                "UPDATE unit SET name = ? WHERE id = 'town-x'", ps -> {
                    ps.setString(1, "<img src=x onerror=alert(1)>\"镇\u202E\u0007");
                    return ps.executeUpdate();
                }));
        Browser b = browser(service, countyToken);
        String html = get(service, b.cookie(), "/web/units/county-a/2021").raw().body();
        assertFalse(html.contains("<img src=x"), "the name is text, not markup");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;镇U+202EU+0007"), html);
        assertFalse(html.contains("\u202E") || html.contains("\u0007"));
    }

    @Test
    void signingOutEndsTheSessionOnEveryInstanceAndASessionOutlivesARestart() {
        Browser b = browser(service, reporterToken);
        try (ServiceUnderTest second = ServiceUnderTest.start(service.datasource())) {
            assertEquals(200, get(second, b.cookie(), "/web/units/town-a/2021").status(), "another instance knows it");
            Reply out = second.send(second.anonymous().request("/sign-out").header("Cookie", b.cookie())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + b.csrf())).build());
            assertEquals(303, out.status());
            assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        }
        Reply page = get(service, b.cookie(), "/web/units/town-a/2021");
        assertEquals(303, page.status(), "signed out on the other instance, so here too");
        Reply api = get(service, b.cookie(), "/api/v1/units/town-a/reports/2021");
        assertEquals(List.of(401, "auth.session"), List.of(api.status(), api.code()));
    }

    @Test
    void aSessionIsItsTokenRevokedTheSessionEnds() {
        var created = service.post("/api/v1/tokens", Map.of("principal", "临时", "role", "reporter", "scope", "town-a")).ok();
        Browser b = browser(service, created.json().get("token").asText());
        assertEquals(204, service.delete("/api/v1/tokens/" + created.json().get("id").asText()).status());
        Reply api = get(service, b.cookie(), "/api/v1/units/town-a/reports/2021");
        assertEquals(List.of(401, "auth.revoked"), List.of(api.status(), api.code()));
    }

    @Test
    void theChartsCarryTheHeadlineOfEveryYearsConsolidatedReportLegacyFormatIncluded() throws Exception {
        String city = "chart-city-" + System.identityHashCode(service);
        service.post("/api/v1/units", Map.of("id", city, "name", "某市", "kind", "city", "fromYear", 2015)).ok();
        service.post("/api/v1/units", Map.of("id", city + "-t", "name", "某镇", "kind", "town", "fromYear", 2015,
                "parent", city)).ok();
        PublishedReport legacy = PublishedReport.legacySample2017();
        PublishedReport linzi = PublishedReport.linzi2021();
        service.put("/api/v1/units/" + city + "-t/figures/2017", Map.of("figures", legacy.cells())).ok();
        service.put("/api/v1/units/" + city + "-t/figures/2021", Map.of("figures", linzi.cells())).ok();
        service.post("/api/v1/units/" + city + "/rollups/2017", Map.of()).ok();
        service.post("/api/v1/units/" + city + "/rollups/2021", Map.of()).ok();

        Browser admin = browser(service, ServiceUnderTest.ADMIN_TOKEN);
        Reply page = get(service, admin.cookie(), "/web/units/" + city + "/2021/charts");
        assertEquals(200, page.status(), page.raw().body());
        Matcher m = Pattern.compile("data-headline=\"([^\"]*)\"").matcher(page.raw().body());
        assertTrue(m.find(), "the chart's data is in an attribute, not in a script");
        var headline = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        Map<Integer, com.fasterxml.jackson.databind.JsonNode> byYear = new java.util.HashMap<>();
        headline.forEach(y -> byYear.put(y.get("year").asInt(), y));
        assertEquals(List.of(2016, 2017, 2018, 2019, 2020, 2021), byYear.keySet().stream().sorted().toList());
        assertEquals(new java.math.BigDecimal(legacy.cells().get("l3.received").toString()),
                byYear.get(2017).get("received").decimalValue(), "a legacy year charts from its own cells");
        assertEquals(new java.math.BigDecimal(linzi.cells().get("s3.new.total").toString()),
                byYear.get(2021).get("received").decimalValue());
        assertEquals(new java.math.BigDecimal(linzi.cells().get("s4.reconsideration.total").toString()),
                byYear.get(2021).get("reconsiderations").decimalValue());
        assertTrue(byYear.get(2018).get("received").isNull(), "no snapshot: no figure, not 0");
    }

    @Test
    void aSignInIsInTheAuditTrailWithoutItsTokenOrSession() {
        String who = "审计员" + System.identityHashCode(service);
        String token = service.post("/api/v1/tokens", Map.of("principal", who, "role", "reporter", "scope", "town-b"))
                .ok().json().get("token").asText();
        assertEquals(0, service.get("/api/v1/audit?principal=" + URLEncoder.encode(who, StandardCharsets.UTF_8)).json()
                .size());
        Reply signedIn = signIn(service, token);
        assertEquals(303, signedIn.status());

        var trail = service.get("/api/v1/audit?principal=" + URLEncoder.encode(who, StandardCharsets.UTF_8)).json();
        assertEquals(1, trail.size(), trail.toString());
        assertEquals(List.of("web.signed_in", "town-b"), List.of(trail.get(0).get("action").asText(),
                trail.get(0).get("unit").asText()));
        String detail = trail.get(0).get("detail").asText();
        assertTrue(detail.contains("\"role\":\"reporter\""), detail);
        assertFalse(detail.contains(token) || detail.contains(signedIn.header("Set-Cookie").split(";")[0].split("=")[1]),
                "neither the token nor the session id is kept: " + detail);
        // a refused sign-in opens nothing and writes nothing under anybody's name
        signIn(service, token + "x");
        assertEquals(1, service.get("/api/v1/audit?principal=" + URLEncoder.encode(who, StandardCharsets.UTF_8)).json()
                .size());
    }
}
