package com.qualityreview.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.HttpTestClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a security reviewer asks of the console and the API, over real HTTP: another site's page
 * cannot use the Basic credentials a browser remembers, guessing passwords is throttled, the
 * session cookie is Secure over TLS, refused changes are in the audit log with who and why, a
 * VIEWER learns no server paths nor SQL, and uploads cannot name their way to a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:api-security;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/api-security",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.outbox-dir=target/test-reports/api-security/mail",
        "spring.servlet.multipart.max-file-size=4KB", "spring.servlet.multipart.max-request-size=8KB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EVIL = "http://evil.example";

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    AuditLog audit;

    HttpTestClient http;
    long completedExecution;
    long delivery;

    @BeforeAll
    void aReviewWithReportsAndDeliveries(@TempDir Path folder) throws Exception {
        http = new HttpTestClient(port);
        SmallOrganisation.load(imports, folder);
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.of(1));
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        completedExecution = review.getId();
        delivery = jdbc.queryForObject("SELECT MIN(id) FROM delivery WHERE period = '2026-10'", Long.class);
    }

    @BeforeEach
    void noFailedLoginsYet() {
        throttle.reset();
    }

    @AfterAll
    void backgroundJobsHaveEnded() throws Exception {
        await(() -> count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED')") == 0);
    }

    // --- another site's page ---

    @Test
    void aCrossSiteFormPostWithRememberedBasicCredentialsIsRefusedAndStartsNothing() throws Exception {
        long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        long attempts = count("SELECT SUM(attempts) FROM delivery");
        List<String> changes = List.of("/api/reviews", "/api/imports", "/api/executions/" + completedExecution + "/stop",
                "/api/executions/" + completedExecution + "/restart", "/api/deliveries/" + delivery + "/resend");

        for (String path : changes) {
            // What a form on evil.example makes a browser send, with the Basic credentials it remembers for this server.
            HttpResponse<String> modern = send(request(path, HttpTestClient.ADMIN).header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site")
                    .header("Sec-Fetch-Mode", "navigate").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("period=2026-10&kind=sites")));
            // An older browser says only where the form came from.
            HttpResponse<String> older = send(request(path, HttpTestClient.ADMIN).header("Origin", EVIL)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("period=2026-10")));

            assertThat(modern.statusCode()).as(path + " " + modern.body()).isEqualTo(403);
            assertThat(JSON.readTree(modern.body()).get("detail").asString())
                    .isEqualTo("refused a request sent by a browser from another site (Sec-Fetch-Site: cross-site)");
            assertThat(older.statusCode()).as(path + " " + older.body()).isEqualTo(403);
            assertThat(JSON.readTree(older.body()).get("detail").asString())
                    .isEqualTo("refused a request sent by a browser from another site (Origin: http://evil.example)");
        }

        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("nothing started").isEqualTo(executions);
        assertThat(count("SELECT SUM(attempts) FROM delivery")).as("nothing sent").isEqualTo(attempts);
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE username = 'admin (not logged in)' AND target = ?",
                String.class, "POST /api/reviews"))
                .contains("403 from 127.0.0.1: refused a request sent by a browser from another site (Sec-Fetch-Site: cross-site)");
    }

    @Test
    void curlAndTheServersOwnPagesStillChangeThings() throws Exception {
        HttpResponse<String> curl = http.postJson("/api/reviews", "{\"period\": \"2026-10\"}", HttpTestClient.ADMIN);
        HttpResponse<String> sameOrigin = send(request("/api/reviews", HttpTestClient.ADMIN).header("Origin", "http://127.0.0.1:" + port)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"period\": \"2026-10\"}")));
        HttpResponse<String> typedByTheUser = send(request("/api/executions/" + completedExecution + "/restart", HttpTestClient.ADMIN)
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(curl.statusCode()).as(curl.body()).isEqualTo(202);
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(202);
        assertThat(typedByTheUser.statusCode()).as("not refused as cross-site: " + typedByTheUser.body()).isEqualTo(409);
    }

    @Test
    void aBrowserIsNeverAskedForBasicCredentialsSoItCannotRememberThem() throws Exception {
        HttpResponse<String> browser = send(request("/api/executions", null).header("Accept", "text/html,application/xhtml+xml")
                .header("Sec-Fetch-Mode", "navigate").GET());
        HttpResponse<String> curl = http.get("/api/executions", null);

        assertThat(browser.statusCode()).isEqualTo(401);
        assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Quality Review\"");
    }

    // --- guessing passwords ---

    @Test
    void fiveFailedLoginsOfOneUserRefuseThatUserEvenWithTheRightPassword() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(get("/api/jobs", "viewer:guess-" + i, "198.51.100." + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> right = get("/api/jobs", HttpTestClient.VIEWER, "198.51.100.77");
        HttpResponse<String> otherUser = get("/api/jobs", HttpTestClient.ADMIN, "198.51.100.77");

        assertThat(right.statusCode()).as(right.body()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isBetween(840L, 900L);
        assertThat(right.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(JSON.readTree(right.body()).get("detail").asString())
                .isEqualTo("too many failed logins for this name or from this address: try again in 15 minutes");
        assertThat(otherUser.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT target || ': ' || outcome FROM audit_event WHERE action = 'logins throttled'"
                + " AND target = 'user viewer'", String.class))
                .containsExactly("user viewer: 5 failed logins within 15 minutes (the last as viewer from 198.51.100.5): logins refused"
                        + " for 15 minutes");
    }

    @Test
    void fiveFailedLoginsFromOneAddressRefuseLoginsFromThere() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(get("/api/jobs", "guess" + i + ":secret", "203.0.113.9").statusCode()).isEqualTo(401);
        }

        assertThat(get("/api/jobs", HttpTestClient.ADMIN, "203.0.113.9").statusCode()).isEqualTo(429);
        assertThat(get("/api/jobs", HttpTestClient.ADMIN, "203.0.113.10").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginFormSaysWhenLoginsAreThrottled() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String address = "192.0.2.44";
        List<String> redirects = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            redirects.add(logIn(browser, address, "admin", i < 6 ? "wrong-" + i : "admin-secret").headers().firstValue("Location").orElse(""));
        }
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login?throttled"))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(redirects.subList(0, 5)).allMatch(location -> location.endsWith("/login?error"));
        assertThat(redirects.get(5)).endsWith("/login?throttled");
        assertThat(form.body()).contains("Too many failed logins for this name or from this address: logins are refused for 15 minutes."
                + " Try again later.");
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE username = 'admin (not logged in)' AND target = 'POST /login'",
                String.class)).contains("from " + address + ": wrong name or password",
                        "from " + address + ": too many failed logins for this name or from this address: try again in 15 minutes");
    }

    @Test
    void theSessionCookieIsSecureWhenTheConsoleIsServedOverTls() throws Exception {
        HttpResponse<String> overTls = send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("X-Forwarded-Proto", "https").GET());
        HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET());

        assertThat(overTls.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax");
        assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().doesNotContain("Secure").contains("SameSite=Lax");
    }

    // --- the audit log ---

    @Test
    void refusedChangesAreInTheAuditLogWithWhoAndWhy() throws Exception {
        http.postJson("/api/reviews", "{\"period\": \"2026-10\"}", HttpTestClient.VIEWER);
        http.postJson("/api/reviews", "{\"period\": \"2026-10\"}", null);
        http.postJson("/api/reviews", "{\"period\": \"2026-10\"}", "ana:not-her-password");
        http.postJson("/api/reviews", "{\"period\": \"2026-13\"}", HttpTestClient.ADMIN);
        http.post("/api/executions/" + completedExecution + "/restart", HttpTestClient.ADMIN);
        http.post("/api/executions/999999/stop", HttpTestClient.ADMIN);

        List<String> refused = jdbc.queryForList("SELECT username || ' | ' || target || ' | ' || outcome FROM audit_event"
                + " WHERE action = 'refused request' ORDER BY id", String.class);
        assertThat(refused).contains(
                "viewer | POST /api/reviews | 403 from 127.0.0.1: this needs the ADMIN role; VIEWER may only read",
                "anonymous | POST /api/reviews | 401 from 127.0.0.1: not logged in",
                "ana (not logged in) | POST /api/reviews | 401 from 127.0.0.1: wrong name or password",
                "admin | POST /api/executions/" + completedExecution + "/restart | 409 from 127.0.0.1: execution " + completedExecution
                        + " is COMPLETED; only a failed or stopped execution can be restarted",
                "admin | POST /api/executions/999999/stop | 404 from 127.0.0.1: there is no job execution 999999");
        assertThat(refused).anyMatch(line -> line.startsWith("admin | POST /api/reviews | 400 from 127.0.0.1: Invalid period '2026-13'"));
    }

    @Test
    void consoleActionsRefusedForWantOfACsrfTokenOrARoleAreAudited() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(logIn(browser, "192.0.2.80", "admin", "admin-secret").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
        HttpResponse<String> withoutToken = browser.send(HttpRequest.newBuilder(URI.create(base() + "/reviews"))
                .header("X-Forwarded-For", "192.0.2.80").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("period=2026-10")).build(), HttpResponse.BodyHandlers.ofString());
        HttpClient viewer = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        logIn(viewer, "192.0.2.81", "viewer", "viewer-secret");
        String token = csrfToken(viewer, "192.0.2.81");
        HttpResponse<String> asViewer = viewer.send(HttpRequest.newBuilder(URI.create(base() + "/reviews"))
                .header("X-Forwarded-For", "192.0.2.81").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("period=2026-10&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(asViewer.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT username || ' | ' || action || ' | ' || target || ' | ' || outcome FROM audit_event"
                + " WHERE outcome LIKE '%from 192.0.2.8%' ORDER BY id", String.class)).containsExactly(
                        "admin | log in | console | from 192.0.2.80",
                        "admin | refused request | POST /reviews | 403 from 192.0.2.80: the form's CSRF token is missing or out of date"
                                + " (reload the page)",
                        "viewer | log in | console | from 192.0.2.81",
                        "viewer | refused request | POST /reviews | 403 from 192.0.2.81: this needs the ADMIN role; VIEWER may only read");
    }

    @Test
    void lineBreaksAndControlCharactersInLoggedValuesAreEscaped() throws Exception {
        http.post("/api/executions/1/stop", "mallory\n2026-01-01 admin restart execution 1 done\u001b[2J:x");
        audit.record("start import", "sites evil\r\nname\t.csv", "execution 7\u2028forged");

        assertThat(jdbc.queryForList("SELECT username FROM audit_event WHERE action = 'refused request' AND target = 'POST /api/executions/1/stop'",
                String.class)).containsExactly("mallory\\n2026-01-01 admin restart execution 1 done\\u001b[2J (not logged in)");
        assertThat(jdbc.queryForList("SELECT target || ' | ' || outcome FROM audit_event WHERE action = 'start import'", String.class))
                .contains("sites evil\\r\\nname\\t.csv | execution 7\\u2028forged");
    }

    @Test
    void aReviewStartedThroughTheApiHasItsOutcomeInTheAuditLog() throws Exception {
        HttpResponse<String> started = http.postJson("/api/reviews", "{\"period\": \"2026-10\", \"revision\": 5}", HttpTestClient.ADMIN);
        long id = JSON.readTree(started.body()).get("executionId").asLong();

        await(() -> count("SELECT COUNT(*) FROM audit_event WHERE action = 'review ended' AND target = '2026-10 r5'") > 0);

        assertThat(jdbc.queryForList("SELECT username || ' | ' || action || ' | ' || outcome FROM audit_event WHERE target = '2026-10 r5'"
                + " ORDER BY id", String.class)).containsExactly("admin | start review | execution " + id,
                        "admin | review ended | execution " + id + " COMPLETED");
    }

    // --- what a VIEWER sees ---

    @Test
    void aViewerSeesNoServerPathsNorSql() throws Exception {
        HttpResponse<String> upload = http.postFile("/api/imports", "sites", "viewer-check.csv",
                "site_code,name,region_code,region_name\nV,Vee,R1,Region one\n", HttpTestClient.ADMIN);
        long id = JSON.readTree(upload.body()).get("executionId").asLong();
        await(() -> !"STARTING STARTED".contains(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, id)));
        String uploads = Path.of("target/test-uploads").toAbsolutePath().toString();
        // As a failure would have left it: SQL and absolute paths in the exit message.
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET EXIT_MESSAGE = ? WHERE JOB_EXECUTION_ID = ?",
                "org.springframework.jdbc.BadSqlGrammarException: PreparedStatementCallback; bad SQL grammar [INSERT INTO site (site_code)"
                        + " VALUES (?)] reading " + uploads + "/x.csv", id);
        audit.record("restart", "execution " + id, "failed: " + uploads + "/x.csv: permission denied");

        JsonNode seenByViewer = JSON.readTree(http.get("/api/executions/" + id, HttpTestClient.VIEWER).body());
        JsonNode seenByAdmin = JSON.readTree(http.get("/api/executions/" + id, HttpTestClient.ADMIN).body());
        String listSeenByViewer = http.get("/api/executions", HttpTestClient.VIEWER).body();
        String auditSeenByViewer = http.get("/api/audit", HttpTestClient.VIEWER).body();
        String reportsSeenByViewer = http.get("/api/reports", HttpTestClient.VIEWER).body();
        String deliveriesSeenByViewer = http.get("/api/deliveries", HttpTestClient.VIEWER).body();

        assertThat(seenByViewer.get("parameters").get("file").asString()).matches("\\d{8}-\\d{6}-\\d{3}-viewer-check\\.csv");
        assertThat(seenByViewer.get("exitMessage").asString()).isEqualTo("org.springframework.jdbc.BadSqlGrammarException:"
                + " PreparedStatementCallback; bad SQL grammar [SQL not shown] reading x.csv");
        assertThat(seenByAdmin.get("parameters").get("file").asString()).startsWith(uploads);
        assertThat(seenByAdmin.get("exitMessage").asString()).contains("INSERT INTO site");
        for (String body : List.of(seenByViewer.toString(), listSeenByViewer, auditSeenByViewer, reportsSeenByViewer, deliveriesSeenByViewer)) {
            assertThat(body).doesNotContain(uploads).doesNotContain(Path.of("").toAbsolutePath().toString()).doesNotContain("INSERT INTO");
        }
        assertThat(auditSeenByViewer).contains("failed: x.csv: permission denied");
    }

    // --- uploads ---

    @Test
    void anUploadWhoseNameIsNoFileNameIsABadRequest() throws Exception {
        for (String name : List.of("/", "..", "C:\\\\")) {
            HttpResponse<String> response = http.postFile("/api/imports", "sites", name, "site_code,name,region_code,region_name\n",
                    HttpTestClient.ADMIN);
            assertThat(response.statusCode()).as(name + " " + response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).startsWith("file: '").endsWith("' is not a file name");
        }
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> response = http.postFile("/api/imports", "sites", "big.csv", "x".repeat(6 * 1024), HttpTestClient.ADMIN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    // --- helpers ---

    private HttpResponse<String> logIn(HttpClient browser, String address, String name, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrfToken(browser, address), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token the login page's form carries (the same for every form of the session). */
    private String csrfToken(HttpClient browser, String address) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("X-Forwarded-For", address).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path, String user, String fromAddress) throws Exception {
        return send(request(path, user).header("X-Forwarded-For", fromAddress).GET());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 90 s");
            }
            Thread.sleep(100);
        }
    }
}
