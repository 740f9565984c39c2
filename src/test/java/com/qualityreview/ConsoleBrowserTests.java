package com.qualityreview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.qualityreview.intake.Imports;
import com.qualityreview.review.SmallOrganisation;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver, installed
 * by scripts/install-browser.sh, which .ci/run runs; the tests install nothing): log in, start a review, watch it complete without reloading,
 * download its PDF and read it back. Skips with a printed reason where no browser can be had,
 * except under QUALITY_REQUIRE_BROWSER=true (set by .ci/run), where it fails instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:console-browser;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/console",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.outbox-dir=target/test-reports/console/mail",
        "quality.review.sites-per-chunk=1"})
@ExtendWith(ConsoleBrowserTests.BrowserInstalled.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;
    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    Path downloads;

    @BeforeAll
    void browserAndOrganisation(@TempDir Path folder) throws Exception {
        SmallOrganisation.load(imports, Files.createDirectories(folder.resolve("data")));
        Path browserHome = folder.resolve("browser");
        downloads = Files.createDirectories(browserHome.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags this machine needs: no sandbox as root, and no background calls to Google's
        // hosts, which the closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + browserHome.resolve("profile"), "--window-size=1280,1000");
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void anAdministratorLogsInStartsAReviewSeesItCompleteAndDownloadsThePdf() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("the console asks for a login first").endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong name or password");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-secret");
        browser.findElement(By.id("login")).click();
        wait(20).until(page -> !page.findElements(By.id("period")).isEmpty());
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("admin (admin)");

        browser.findElement(By.id("period")).sendKeys("2026-10");
        browser.findElement(By.id("start-review-button")).click();

        // The execution's page, shown while the review still runs, turns COMPLETED by itself.
        wait(20).until(page -> page.getCurrentUrl().contains("/executions/")
                || !page.findElements(By.id("error")).isEmpty());
        assertThat(browser.getCurrentUrl()).as(browser.findElements(By.id("error")).stream().map(WebElement::getText).toList()
                .toString()).contains("/executions/");
        String statusWhenShown = browser.findElement(By.id("status")).getText();
        assertThat(statusWhenShown).isIn("STARTING", "STARTED");
        assertThat(browser.findElements(By.id("progress"))).as("a running execution shows its progress").hasSize(1);
        // Its process renews its lease: the page names it and offers Stop, never Restart.
        assertThat(browser.findElement(By.id("process")).getText()).startsWith("process " + ProcessHandle.current().pid() + " on ");
        assertThat(browser.findElements(By.id("stop"))).hasSize(1);
        assertThat(browser.findElements(By.id("restart"))).as("no Restart while the execution's process is alive").isEmpty();
        String pageUrl = browser.getCurrentUrl();
        // Ended when the page, reloaded by its script, no longer polls.
        wait(120).until(page -> page.findElement(By.id("execution")).getAttribute("data-progress-url") == null);
        assertThat(statusText(browser)).isEqualTo("COMPLETED");
        assertThat(browser.getCurrentUrl()).isEqualTo(pageUrl);
        assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("sites 3");
        screenshot("execution");

        browser.findElement(By.id("reports-link")).click();
        wait(20).until(page -> !page.findElements(By.className("report-file")).isEmpty());
        List<WebElement> files = browser.findElements(By.className("report-file"));
        assertThat(files).extracting(WebElement::getText).contains("summary.csv");
        WebElement pdfLink = files.stream().filter(link -> link.getText().endsWith(".pdf")
                && link.getText().startsWith("executive")).findFirst().orElseThrow();
        String pdfName = pdfLink.getText();
        screenshot("reports");
        pdfLink.click();

        Path pdf = downloads.resolve(pdfName);
        wait(30).until(page -> Files.isRegularFile(pdf) && !partialDownloads());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2026-10").contains("Alpha");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = 'admin' AND action = 'start review'",
                Long.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anAdministratorUploadsAnImportResendsADeliveryAndFindsBothInTheAuditLog() throws Exception {
        logInAs("admin", "admin-secret");
        browser.get(url("/imports"));
        Path kpis = Files.writeString(downloads.getParent().resolve("kpis-late.csv"),
                "site_code,kpi_code,measured_on,value\nA,WAIT,2026-10-20,7\nA,NOPE,2026-10-20,7\n");
        new Select(browser.findElement(By.id("kind"))).selectByValue("kpis");
        browser.findElement(By.id("file")).sendKeys(kpis.toString());
        browser.findElement(By.id("import-button")).click();
        wait(20).until(page -> page.getCurrentUrl().contains("/executions/"));
        wait(60).until(page -> page.findElement(By.id("execution")).getAttribute("data-progress-url") == null);
        assertThat(statusText(browser)).isEqualTo("COMPLETED");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("read 2").contains("written 1").contains("rejected 1");

        browser.get(url("/deliveries?period=2026-10"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#deliveries tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("2026-10 r1").contains("SENT"));
        String firstId = rows.get(0).findElement(By.tagName("td")).getText();
        rows.get(0).findElement(By.tagName("button")).click();
        wait(30).until(page -> !page.findElements(By.id("message")).isEmpty() || !page.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("delivery " + firstId + ": 1 sent");

        browser.get(url("/audit"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("admin start import kpis kpis-late.csv").contains("admin resend delivery " + firstId);
    }

    @Test
    @Order(3)
    void aConsoleFormPostedWithoutItsCsrfTokenIsRefused() {
        logInAs("admin", "admin-secret");
        long executionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/reviews', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'period=2026-10', redirect: 'manual'}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(executionsBefore);
    }

    @Test
    @Order(4)
    void aViewerSeesExecutionsButNoFormToStartAReview() {
        logInAs("viewer", "viewer-secret");
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("viewer (viewer)");
        assertThat(browser.findElements(By.id("start-review"))).isEmpty();
        assertThat(browser.findElements(By.id("executions"))).hasSize(1);

        // Even with a valid CSRF token (from the page's logout form), a viewer's change is refused.
        long executionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const token = document.querySelector('input[name=_csrf]').value;"
                        + "fetch('/reviews', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'period=2026-10&_csrf=' + encodeURIComponent(token), redirect: 'manual'}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(executionsBefore);
    }

    private void logInAs(String name, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        wait(20).until(page -> !page.getCurrentUrl().contains("/login"));
    }

    /** A wait that looks again when the page reloads under it (the console reloads a page whose job ended). */
    private WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Kept beside the test reports, to see what the browser saw. */
    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Files.createDirectories(Path.of("target/test-reports/console")).resolve(name + ".png"), png);
    }

    private static String statusText(WebDriver page) {
        return page.findElement(By.id("status")).getText();
    }

    private boolean partialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(file -> file.toString().endsWith(".crdownload"));
        }
        catch (IOException e) {
            return true;
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * The tests install nothing: .ci/run installs the browser with scripts/install-browser.sh. Where
     * it is missing the tests are skipped with the install command, before the application starts,
     * or fail when CI requires them.
     */
    static final class BrowserInstalled implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(program -> !Files.isExecutable(program)).toList();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
            }
            String reason = "no " + missing.stream().map(Path::toString).collect(Collectors.joining(" and "))
                    + "; install them with: sudo bash scripts/install-browser.sh (it runs apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("QUALITY_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("QUALITY_REQUIRE_BROWSER=true but " + reason);
            }
            System.out.println("SKIPPED browser tests: " + reason);
            return ConditionEvaluationResult.disabled("browser tests skipped: " + reason);
        }
    }
}
