package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Two processes (the built jar) start the same review at the same moment on one PostgreSQL: one runs it. */
@ExtendWith(PostgresTestDatabase.class)
class ConcurrentReviewFaultIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void twoProcessesStartingTheSameReviewAtOnceRunItOnceAndTheOtherIsRefusedInOneLine() {
        try (ApplicationUnderTest application = new ApplicationUnderTest(folder, PostgresTestDatabase.url("concurrent_review"))
                // Long enough a review that both processes are up before the first one ends.
                .with("quality.reports.threads", "1")) {
            FaultTestData.organisation(application.inboundDir(), 60, 5, 8, 13);
            application.succeed("scan-inbound");

            ApplicationProcess first = application.start("review", FaultTestData.PERIOD, "--revision=1");
            ApplicationProcess second = application.start("review", FaultTestData.PERIOD, "--revision=1");
            int firstExit = first.awaitExit(ApplicationUnderTest.RUN_TIMEOUT);
            int secondExit = second.awaitExit(ApplicationUnderTest.RUN_TIMEOUT);

            List<Integer> exits = List.of(firstExit, secondExit);
            assertThat(exits).as(first.diagnostics() + "\n" + second.diagnostics()).containsExactlyInAnyOrder(0, 1);
            ApplicationProcess refused = firstExit == 1 ? first : second;
            ApplicationProcess ran = firstExit == 0 ? first : second;
            assertThat(refused.stderr().lines().toList()).hasSize(1).first().asString()
                    .contains("the review of 2026-10 revision 1 is already running").contains("process " + ran.pid());
            assertThat(ran.stdout()).contains("review of 2026-10 revision 1: COMPLETED");
            assertThat(application.jdbc().queryForList("SELECT revision || ':' || status FROM review_run WHERE period = '2026-10'",
                    String.class)).containsExactly("1:COMPLETED");
            assertThat(application.jdbc().queryForObject("SELECT COUNT(*) FROM review_figures WHERE period = '2026-10'"
                    + " AND revision = 1 AND scope_type = 'SITE' AND period_role = 'CURRENT'", Integer.class)).isEqualTo(60);
        }
    }
}
