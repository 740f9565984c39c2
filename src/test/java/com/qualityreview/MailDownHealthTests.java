package com.qualityreview;

import java.net.http.HttpResponse;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.qualityreview.system.HttpTestClient;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP host is configured and nothing answers there: the application is alive but not ready
 * (readiness and health DOWN with 503, liveness UP), and a logged-in user sees that mail is why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:mail-down-health;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "spring.mail.host=127.0.0.1"})
class MailDownHealthTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static int closedPort;

    @LocalServerPort
    int port;

    /** A port a server had a moment ago and gave up: connections to it are refused. */
    @DynamicPropertySource
    static void smtpThatIsGone(DynamicPropertyRegistry registry) {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        closedPort = smtp.getSmtp().getPort();
        smtp.stop();
        registry.add("spring.mail.port", () -> closedPort);
    }

    @Test
    void anUnreachableMailServerMakesTheApplicationNotReadyButStillAlive() throws Exception {
        HttpTestClient http = new HttpTestClient(port);
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            HttpResponse<String> response = http.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).get("status").asString()).as(path).isEqualTo("DOWN");
        }
        HttpResponse<String> liveness = http.get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");

        JsonNode readiness = JSON.readTree(http.get("/actuator/health/readiness", HttpTestClient.ADMIN).body()).get("components");
        assertThat(readiness.get("mail").get("status").asString()).isEqualTo("DOWN");
        assertThat(readiness.get("mail").get("details").get("location").asString()).isEqualTo("127.0.0.1:" + closedPort);
        assertThat(readiness.get("db").get("status").asString()).isEqualTo("UP");
    }
}
