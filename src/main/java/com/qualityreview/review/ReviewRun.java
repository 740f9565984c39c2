package com.qualityreview.review;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Which review: a period and revision, and the organisation's zone that fixes the period's
 * boundaries. The one identity of a review run, in its job parameters, its results and its folder.
 */
public record ReviewRun(Period period, int revision, ZoneId zone) {

    static final String PERIOD = "period";
    static final String REVISION = "revision";
    static final String RUN_ID = "run.id";
    static final String ZONE = "zone";

    public ReviewRun {
        checkRevision(revision);
    }

    /** A revision is a whole number of at least 1; said as a user would read it. */
    static int checkRevision(int revision) {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be a whole number of at least 1, was '" + revision + "'");
        }
        return revision;
    }

    /** The review a job execution runs, from its parameters. */
    public static ReviewRun from(JobParameters parameters) {
        return new ReviewRun(Period.parse(parameters.getString(PERIOD)), parameters.getLong(REVISION).intValue(),
                ZoneId.of(parameters.getString(ZONE)));
    }

    /**
     * Period and revision identify the run; {@code run.id} makes every start a job instance of its
     * own, so that a finished revision can run again (the review_run claim keeps one at a time).
     * The zone is not identifying: it only fixes boundaries.
     */
    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(PERIOD, period.toString())
                .addLong(REVISION, (long) revision)
                .addLong(RUN_ID, System.nanoTime())
                .addString(ZONE, zone.getId(), false)
                .toJobParameters();
    }

    /** {@code <reports-dir>/<period>/r<revision>}, where all of the review's files go. */
    public Path folder(Path reportsDir) {
        return folder(reportsDir, period, revision);
    }

    /** The folder of a review known only by period and revision (its files do not depend on the zone). */
    public static Path folder(Path reportsDir, Period period, int revision) {
        return reportsDir.resolve(period.toString()).resolve("r" + revision);
    }

    /** "2026-10 r2", as logs, audit entries and messages name a review. */
    @Override
    public String toString() {
        return period + " r" + revision;
    }

    public String periodText() {
        return period.toString();
    }

    public Bounds current() {
        return Bounds.of(period, zone);
    }

    public Bounds previous() {
        return Bounds.of(period.previous(), zone);
    }

    /** A period's half-open interval both as instants (feedback) and as dates (audits, KPIs). */
    public record Bounds(Period period, Instant from, Instant until, LocalDate firstDay, LocalDate endDay) {
        public static Bounds of(Period period, ZoneId zone) {
            return new Bounds(period, period.startInstant(zone), period.endInstant(zone), period.start(), period.end());
        }
    }
}
