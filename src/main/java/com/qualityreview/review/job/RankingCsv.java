package com.qualityreview.review.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.qualityreview.review.ReviewRun;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ranking.csv, beside summary.csv: the fair ranking of the sites by CSAT (docs/review.md, Fair
 * ranking), in rank order, sites without any CSAT answer last with empty values; conventions of
 * {@link SummaryCsv} (6 decimals, no data empty, codes as text).
 */
public final class RankingCsv {

    public static final String FILE = "ranking.csv";
    public static final List<String> COLUMNS = List.of("rank", "region_rank", "raw_rank", "site_code", "region_code", "csat_count",
            "csat_mean", "weight", "shrunk_csat_mean", "k");

    private static final String SELECT_RANKS = """
            SELECT fair_rank, region_rank, raw_rank, site_code, region_code, csat_count, csat_mean, weight, shrunk_csat_mean, k
            FROM review_site_rank WHERE period = ? AND revision = ?
            ORDER BY CASE WHEN fair_rank IS NULL THEN 1 ELSE 0 END, fair_rank, site_code""";

    private RankingCsv() {
    }

    static Path write(JdbcTemplate jdbc, ReviewRun key, Path folder) throws IOException {
        return SummaryCsv.write(jdbc, folder, FILE, COLUMNS, SELECT_RANKS, key.periodText(), key.revision());
    }
}
