package com.qualityreview.review.job;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewRuns;
import com.qualityreview.review.rating.WarningHistory;
import com.qualityreview.review.rating.WarningStatus;
import com.qualityreview.review.rating.WarningType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives each warning of the review its history ({@link WarningHistory}) against the previous review:
 * the latest completed revision of the period just before. Reads the warnings of both reviews (a few
 * per site: memory bounded by sites), sets status, first_period and periods_running of the current
 * ones, and replaces the review's resolved warnings; in the step's one transaction, from rows that the
 * step does not change, so that a restart or re-run ends with the same rows.
 */
class TrackWarningHistoryTasklet implements Tasklet {

    private static final String SELECT_WARNINGS = """
            SELECT site_code, position, warning_type, subject, status, first_period, periods_running, severity, message,
            message_key, message_arguments FROM review_warning WHERE period = ? AND revision = ? ORDER BY site_code, position""";
    private static final String SELECT_REVIEWED_SITES = """
            SELECT scope_code FROM review_figures WHERE period = ? AND revision = ? AND scope_type = 'SITE' AND period_role = 'CURRENT'""";
    private static final String UPDATE_HISTORY = """
            UPDATE review_warning SET status = ?, first_period = ?, periods_running = ?
            WHERE period = ? AND revision = ? AND site_code = ? AND position = ?""";
    private static final String DELETE_RESOLVED = """
            DELETE FROM review_resolved_warning WHERE period = ? AND revision = ?""";
    private static final String INSERT_RESOLVED = """
            INSERT INTO review_resolved_warning (period, revision, site_code, position, warning_type, severity, subject,
            message, message_key, message_arguments, first_period, periods_running) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final ReviewRuns runs;
    private final ReviewRun key;

    TrackWarningHistoryTasklet(JdbcTemplate jdbc, ReviewRuns runs, ReviewRun key) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.key = key;
    }

    /** A stored warning: its history and, for a resolved one, what it said. */
    private record Stored(WarningHistory.Tracked tracked, int position, String severity, String message, String messageKey,
            String messageArguments) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Period previousPeriod = key.period().previous();
        Optional<Integer> previousRevision = runs.completedRevision(previousPeriod);
        Map<WarningHistory.Identity, Stored> previous = previousRevision
                .map(revision -> warnings(previousPeriod.toString(), revision)).orElse(Map.of());
        Map<WarningHistory.Identity, Stored> current = warnings(key.periodText(), key.revision());
        Set<String> reviewedSites = new HashSet<>(jdbc.queryForList(SELECT_REVIEWED_SITES, String.class, key.periodText(), key.revision()));

        WarningHistory.Outcome outcome = WarningHistory.track(key.period(),
                previous.values().stream().map(Stored::tracked).toList(), current.keySet(), reviewedSites);

        List<Object[]> updates = new ArrayList<>();
        outcome.current().forEach((identity, tracked) -> updates.add(new Object[] {tracked.status().name(),
                tracked.firstPeriod().toString(), tracked.periodsRunning(), key.periodText(), key.revision(), identity.siteCode(),
                current.get(identity).position()}));
        jdbc.batchUpdate(UPDATE_HISTORY, updates);

        List<Object[]> resolved = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (WarningHistory.Tracked tracked : outcome.resolved()) {
            Stored was = previous.get(tracked.identity());
            String site = tracked.identity().siteCode();
            resolved.add(new Object[] {key.periodText(), key.revision(), site, positions.merge(site, 1, Integer::sum),
                    tracked.identity().type().name(), was.severity(), subjectOrNull(tracked.identity()), was.message(),
                    was.messageKey(), was.messageArguments(), tracked.firstPeriod().toString(), tracked.periodsRunning()});
        }
        jdbc.update(DELETE_RESOLVED, key.periodText(), key.revision());
        jdbc.batchUpdate(INSERT_RESOLVED, resolved);
        contribution.incrementWriteCount(updates.size() + resolved.size());
        return RepeatStatus.FINISHED;
    }

    private Map<WarningHistory.Identity, Stored> warnings(String period, int revision) {
        Map<WarningHistory.Identity, Stored> warnings = new LinkedHashMap<>();
        jdbc.query(SELECT_WARNINGS, row -> {
            Stored stored = stored(row);
            warnings.put(stored.tracked().identity(), stored);
        }, period, revision);
        return warnings;
    }

    private static Stored stored(ResultSet row) throws SQLException {
        WarningHistory.Identity identity = new WarningHistory.Identity(row.getString(1), WarningType.valueOf(row.getString(3)),
                row.getString(4));
        WarningHistory.Tracked tracked = new WarningHistory.Tracked(identity, WarningStatus.valueOf(row.getString(5)),
                Period.parse(row.getString(6)), row.getInt(7));
        return new Stored(tracked, row.getInt(2), row.getString(8), row.getString(9), row.getString(10), row.getString(11));
    }

    private static String subjectOrNull(WarningHistory.Identity identity) {
        return identity.subject().isEmpty() ? null : identity.subject();
    }
}
