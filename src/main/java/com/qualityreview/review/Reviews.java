package com.qualityreview.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Starts reviews and reads what they produced; used by the command line and, later, the API. */
@Component
public class Reviews {

    private final JobOperator jobOperator;
    private final Job qualityReviewJob;
    private final ReviewRuns runs;
    private final QualityProperties properties;
    private final JdbcTemplate jdbc;

    Reviews(JobOperator jobOperator, Job qualityReviewJob, ReviewRuns runs, QualityProperties properties, JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.qualityReviewJob = qualityReviewJob;
        this.runs = runs;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * Runs the review of a period: a new revision unless one is given. Giving the revision of a
     * finished review runs it again (its results are replaced); of a running one, it is refused.
     */
    public JobExecution start(Period period, Optional<Integer> revision) throws Exception {
        int number = revision.orElseGet(() -> runs.nextRevision(period));
        if (runs.status(period, number).filter("RUNNING"::equals).isPresent()) {
            throw new ReviewAlreadyRunningException(period, number);
        }
        return jobOperator.start(qualityReviewJob, new JobParametersBuilder()
                .addString("period", period.toString())
                .addLong("revision", (long) number)
                .addLong("run.id", System.nanoTime())
                .addString("zone", properties.zoneId().getId(), false)
                .toJobParameters());
    }

    /** Sites per rating of a review, rating code to count, in rating order. */
    public Map<String, Long> ratingCounts(Period period, int revision) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT rating, site_count FROM review_rating_count WHERE period = ? AND revision = ? AND scope_type = 'ORG'",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                }, period.toString(), revision);
        return counts;
    }

    static List<String> summaryLines(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> (e.getKey().equals("UNRATED") ? "unrated" : e.getKey() + "★") + " " + e.getValue()).toList();
    }
}
