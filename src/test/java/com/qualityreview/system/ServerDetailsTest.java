package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a VIEWER is not shown of failure messages: absolute paths (only file names remain) and SQL. */
class ServerDetailsTest {

    @Test
    void absolutePathsKeepOnlyTheirFileName() {
        assertThat(ServerDetails.hide("java.nio.file.NoSuchFileException: /srv/quality/uploads/20261001-sites.csv"))
                .isEqualTo("java.nio.file.NoSuchFileException: 20261001-sites.csv");
        assertThat(ServerDetails.hide("cannot read C:\\quality\\inbound\\kpis.csv or file:/opt/q/jobs/star-rating.yml"))
                .isEqualTo("cannot read kpis.csv or star-rating.yml");
    }

    @Test
    void sqlStatementsAreNotShown() {
        assertThat(ServerDetails.hide("PreparedStatementCallback; bad SQL grammar [INSERT INTO site (site_code) VALUES (?)]"))
                .isEqualTo("PreparedStatementCallback; bad SQL grammar [SQL not shown]");
        assertThat(ServerDetails.hide("Batch entry 0 INSERT INTO kpi_fact (site_code) VALUES ('A') was aborted: ERROR: duplicate key"))
                .isEqualTo("Batch entry 0 [SQL not shown] was aborted: ERROR: duplicate key");
        assertThat(ServerDetails.hide("user lacks privilege or object not found: FOO in statement [SELECT * FROM foo]"))
                .isEqualTo("user lacks privilege or object not found: FOO in statement [SQL not shown]");
    }

    @Test
    void ordinaryTextAndWebAddressesStay() {
        String text = "read 3, written 2 / rejected 1; see https://example.com/help/imports for 2026-10 r1";
        assertThat(ServerDetails.hide(text)).isEqualTo(text);
    }
}
