package org.opengovinfo.service.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;
import org.opengovinfo.service.testing.UnitBodies;

/**
 * The web app in a real browser (Debian's chromium, headless, driven through /usr/bin/chromedriver; no Selenium
 * Manager, no network), one service and one browser for the whole season: a town's clerk signs in, types a report
 * with a mistake and sees the finding on its cell, fixes it and hands it in; the county returns it with a comment;
 * the clerk corrects it by pasting a row from Excel and hands it in again; the county accepts it; the city rolls up,
 * opens the difference from its earlier snapshot and downloads the XLSX; and the clerk cannot open a sibling county.
 * Screenshots go to {@code target/web-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppInABrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "web-screenshots");

    private static ServiceUnderTest service;
    private static ChromeDriverService driverService;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Path downloads;
    private static String clerk;
    private static String county;
    private static String city;

    @BeforeAll
    static void start() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("The browser tests need Debian's chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        service = ServiceUnderTest.start(TestDatabase.H2);
        service.post("/api/v1/units", Map.of("id", "city", "name", "临沂市", "kind", "city", "fromYear", 2015)).ok();
        service.post("/api/v1/units", Map.of("id", "county-a", "name", "罗庄区", "kind", "district", "fromYear", 2015,
                "parent", "city")).ok();
        service.post("/api/v1/units", Map.of("id", "county-b", "name", "兰山区", "kind", "district", "fromYear", 2015,
                "parent", "city")).ok();
        service.post("/api/v1/units", Map.of("id", "town-a", "name", "傅庄街道", "kind", "street", "fromYear", 2015,
                "parent", "county-a")).ok();
        service.post("/api/v1/units", UnitBodies.unit("town-b", "town", "county-b")).ok();
        clerk = token("王芳", "reporter", "town-a");
        county = token("李强", "consolidator", "county-a");
        city = token("赵敏", "consolidator", "city");

        Files.createDirectories(SHOTS);
        downloads = Files.createTempDirectory("web-downloads");
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        if (service != null) {
            service.close();
        }
    }

    private static String token(String name, String role, String scope) {
        return service.post("/api/v1/tokens", Map.of("principal", name, "role", role, "scope", scope)).ok()
                .json().get("token").asText();
    }

    private static void signInAs(String token) {
        browser.get(service.url() + "/");
        if (!browser.findElements(By.id("sign-out")).isEmpty()) {
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
        }
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        assertFalse(browser.getCurrentUrl().contains(token), "the token never goes into a URL");
    }

    private static void open(String path) {
        browser.get(service.url() + path);
    }

    private static WebElement input(String cell) {
        return browser.findElement(By.cssSelector("input.cell[data-cell='" + cell + "']"));
    }

    private static WebElement box(String cell) {
        return browser.findElement(By.cssSelector("td[data-cell='" + cell + "']"));
    }

    private static void type(String cell, String value) {
        WebElement input = input(cell);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    private static void screenshot(String name) {
        try {
            Path file = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the element shows the text, through the page reloading meanwhile. */
    private static void waitForText(By by, String text) {
        wait.until(d -> {
            try {
                return d.findElement(by).getText().contains(text);
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        });
    }

    @Test
    @Order(1)
    void aClerkSeesAMistakeOnItsCellFixesItAndHandsTheReportIn() {
        signInAs(clerk);
        assertTrue(browser.getCurrentUrl().endsWith("/web/units/town-a/2021"), browser.getCurrentUrl());
        assertEquals("", ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(localStorage) === '{}' && JSON.stringify(sessionStorage) === '{}' ? '' : 'stored'"),
                "nothing in the browser's storage");
        browser.findElement(By.id("entry-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));

        type("s4.reconsideration.upheld", "3");
        type("s4.reconsideration.total", "4");
        type("s4.litigation_direct.upheld", "1234");
        type("s4.litigation_direct.total", "1234");
        input("s4.reconsideration.upheld").click();
        // the finding arrives from the API's dry run on the cells it concerns, in Chinese
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.finding-error[data-cell^='s4.reconsideration']")));
        WebElement marked = browser.findElement(By.cssSelector("td.finding-error[data-cell^='s4.reconsideration']"));
        assertTrue(marked.findElement(By.className("cell-notes")).getText().matches(".*[\\u4e00-\\u9fff].*"),
                marked.getText());
        assertEquals("1,234", input("s4.litigation_direct.upheld").getAttribute("value"), "thousands separated");
        assertTrue(box("s4.reconsideration.corrected").getAttribute("class").contains("blank"), "blank is hatched");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", marked);
        screenshot("web-entry-finding");

        type("s4.reconsideration.total", "3");
        waitForText(By.id("entry-status"), "校验通过");
        assertTrue(browser.findElements(By.cssSelector("td.finding-error")).isEmpty());
        browser.findElement(By.id("save")).click();
        waitForText(By.id("entry-status"), "已暂存");
        browser.findElement(By.id("submit")).click();
        waitForText(By.id("report-state"), "已报送");
        assertEquals("submitted", service.get("/api/v1/units/town-a/reports/2021").json().get("state").asText());
        assertEquals(3, service.get("/api/v1/units/town-a/figures/2021").json().get("figures")
                .get("s4.reconsideration.upheld").asInt());
    }

    @Test
    @Order(2)
    void theCountyReturnsItWithAComment() {
        // the city's first look, before the correction: the diff later compares with it
        assertEquals(201, service.post("/api/v1/units/city/rollups/2021", Map.of()).status());
        signInAs(county);
        assertTrue(browser.getCurrentUrl().endsWith("/web/units/county-a/2021"));
        browser.findElement(By.cssSelector("#children tr[data-unit='town-a'] a.review-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return")));
        assertEquals("3", box("s4.reconsideration.upheld").getText());
        screenshot("web-review");
        browser.findElement(By.id("comment")).sendKeys("行政复议维持数与台账不符，应为 2 件");
        browser.findElement(By.id("return")).click();
        waitForText(By.id("report-state"), "已退回");
    }

    @Test
    @Order(3)
    void theClerkCannotSeeASiblingCountyAndCorrectsTheReportByPastingARowFromExcel() {
        signInAs(clerk);
        open("/web/units/county-b/2021");
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertEquals("access.forbidden", problem.getAttribute("data-code"));
        assertTrue(browser.getPageSource().contains("无法显示此页"));
        assertFalse(browser.getPageSource().contains("兰山区"), "nothing of the sibling county is shown");

        open("/web/units/town-a/2021/entry");
        waitForText(By.id("report-note"), "台账不符");
        // Enter moves down the column, as in a spreadsheet
        input("s3.new.natural_person").click();
        input("s3.new.natural_person").sendKeys(Keys.ENTER);
        assertEquals("s3.carried_over.natural_person", browser.switchTo().activeElement().getAttribute("data-cell"));
        // a row copied from Excel fills the row from the cell it is pasted into
        ((JavascriptExecutor) browser).executeScript("const target = arguments[0]; target.focus();"
                + "const data = new DataTransfer(); data.setData('text/plain', '2\\t0\\t0\\t0\\t2\\r\\n');"
                + "target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
                input("s4.reconsideration.upheld"));
        assertEquals(List.of("2", "0", "0", "0", "2"), List.of("upheld", "corrected", "other", "pending", "total").stream()
                .map(c -> input("s4.reconsideration." + c).getAttribute("value")).toList());
        assertFalse(box("s4.reconsideration.corrected").getAttribute("class").contains("blank"), "0 is not blank");
        assertTrue(box("s4.litigation_after_reconsideration.upheld").getAttribute("class").contains("blank"));
        waitForText(By.id("entry-status"), "校验通过");

        // meanwhile someone else stores a version (here through the API): saving what the page showed would overwrite
        // it, so the page's save is refused by If-Match and nothing is stored
        var other = service.send(service.request("/api/v1/units/town-a/figures/2021").header("Content-Type",
                "application/json").method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"figures\": {\"s2_5.licensing.decisions\": 7}}")).build());
        assertEquals(200, other.status(), other.raw().body());
        int stored = service.get("/api/v1/units/town-a/figures/2021/versions").json().size();
        browser.findElement(By.id("save")).click();
        waitForText(By.id("entry-status"), "未保存");
        assertTrue(browser.findElement(By.id("entry-status")).getText().contains("刷新"));
        assertEquals(stored, service.get("/api/v1/units/town-a/figures/2021/versions").json().size(), "nothing stored");
        assertEquals(3, service.get("/api/v1/units/town-a/figures/2021").json().get("figures")
                .get("s4.reconsideration.upheld").asInt(), "the other writer's version stands");

        // on the newest version the correction goes through
        open("/web/units/town-a/2021/entry");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
        assertEquals("7", input("s2_5.licensing.decisions").getAttribute("value"));
        type("s4.reconsideration.upheld", "2");
        type("s4.reconsideration.total", "2");
        waitForText(By.id("entry-status"), "校验通过");
        browser.findElement(By.id("submit")).click();
        waitForText(By.id("report-state"), "已报送");
    }

    @Test
    @Order(4)
    void theCountyAcceptsTheCorrectedReport() {
        signInAs(county);
        open("/web/units/town-a/2021/review");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept")));
        assertEquals("2", box("s4.reconsideration.upheld").getText());
        browser.findElement(By.id("accept")).click();
        waitForText(By.id("report-state"), "已通过");
        assertEquals("accepted", service.get("/api/v1/units/town-a/reports/2021").json().get("state").asText());
    }

    @Test
    @Order(5)
    void theCityRollsUpOpensTheDiffAndDownloadsTheXlsx() throws Exception {
        signInAs(city);
        screenshot("web-dashboard");
        browser.findElement(By.id("consolidated-link")).click();
        String before = browser.findElement(By.id("snapshot-id")).getText();
        browser.findElement(By.id("rollup")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("snapshot-id"), before)));
        assertEquals("2", box("s4.reconsideration.upheld").getText());
        assertEquals("1,234", box("s4.litigation_direct.upheld").getText());
        screenshot("web-consolidated");

        browser.findElement(By.id("diff-link")).click();
        WebElement moved = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#moved tr[data-unit='city'][data-cell='s4.reconsideration.upheld']")));
        assertTrue(moved.getText().contains("town-a"), "moved because of town-a: " + moved.getText());
        assertTrue(moved.getText().contains("-1"), moved.getText());
        screenshot("web-diff");

        browser.findElement(By.cssSelector("a[href$='/consolidated']")).click();
        browser.findElement(By.id("download-xlsx")).click();
        // the browser writes the file under a temporary name and renames it when complete
        Path xlsx = wait.until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] head = Arrays.copyOf(Files.readAllBytes(xlsx), 2);
        assertArrayEquals(new byte[] {'P', 'K'}, head, "a workbook (zip)");

        open("/web/units/city/2021/charts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-requests canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-completeness canvas")));
        screenshot("web-charts");
    }

    @Test
    @Order(6)
    void theCountyReopensTheAcceptedReportWithAReason() {
        signInAs(county);
        open("/web/units/town-a/2021/review");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reopen")));
        assertTrue(browser.findElements(By.id("accept")).isEmpty(), "an accepted report waits for no decision");
        browser.findElement(By.id("reopen")).click();
        waitForText(By.id("review-status"), "请写明原因");
        assertEquals("accepted", service.get("/api/v1/units/town-a/reports/2021").json().get("state").asText());
        browser.findElement(By.id("reason")).sendKeys("台账更正，需重新填报");
        browser.findElement(By.id("reopen")).click();
        waitForText(By.id("report-state"), "已退回");
        assertEquals("returned", service.get("/api/v1/units/town-a/reports/2021").json().get("state").asText());
    }
}
