package com.qualityreview.intake.job;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.csv.ParsedRow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Adds a chunk's rows to the import's counts per day (table import_day_count, V13), in the chunk's
 * transaction: a failed chunk takes its counts with it, and a restart continues from the counts of
 * the chunks committed. A row's day is its local date in quality.zone; rows without a usable date
 * (rejects whose date could not be read, every reference-data row) count under a null day.
 */
final class ImportDayCounts {

    private static final String ADD_DATED = """
            UPDATE import_day_count SET written_count = written_count + ?, rejected_count = rejected_count + ?
            WHERE job_instance_id = ? AND row_date = ?""";
    private static final String ADD_UNDATED = """
            UPDATE import_day_count SET written_count = written_count + ?, rejected_count = rejected_count + ?
            WHERE job_instance_id = ? AND row_date IS NULL""";
    private static final String INSERT = """
            INSERT INTO import_day_count (written_count, rejected_count, job_instance_id, row_date) VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final long jobInstanceId;
    private final ZoneId zone;
    private final int dateColumn;

    ImportDayCounts(JdbcTemplate jdbc, long jobInstanceId, ImportKind kind, ZoneId zone) {
        this.jdbc = jdbc;
        this.jobInstanceId = jobInstanceId;
        this.zone = zone;
        this.dateColumn = kind.dateColumn() == null ? -1 : kind.columnIndex(kind.dateColumn());
    }

    /** Only one execution of an import runs at a time, so update-else-insert cannot race with itself. */
    void add(Iterable<? extends ParsedRow> chunk) {
        // Day -> {written, rejected}; the null key is the undated rows. Bounded by the days in a chunk.
        Map<LocalDate, long[]> byDay = new HashMap<>();
        for (ParsedRow row : chunk) {
            if (row instanceof ParsedRow.Accepted accepted) {
                byDay.computeIfAbsent(day(dateColumn < 0 ? null : accepted.values()[dateColumn]), d -> new long[2])[0]++;
            }
            else {
                byDay.computeIfAbsent(day(((ParsedRow.Rejected) row).date()), d -> new long[2])[1]++;
            }
        }
        long[] undated = byDay.remove(null);
        if (undated != null && jdbc.update(ADD_UNDATED, undated[0], undated[1], jobInstanceId) == 0) {
            // Typed, so that a null day binds on PostgreSQL too.
            jdbc.update(INSERT, undated[0], undated[1], jobInstanceId, new SqlParameterValue(Types.DATE, null));
        }
        if (byDay.isEmpty()) {
            return;
        }
        // A chunk of rows spread over a month touches some 30 days: one round trip for them, not 30.
        List<Object[]> days = new ArrayList<>(byDay.size());
        byDay.forEach((day, counts) -> days.add(new Object[] {counts[0], counts[1], jobInstanceId, day}));
        int[] updated = jdbc.batchUpdate(ADD_DATED, days);
        List<Object[]> newDays = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                newDays.add(days.get(i));
            }
        }
        if (!newDays.isEmpty()) {
            jdbc.batchUpdate(INSERT, newDays);
        }
    }

    /** The local date in the zone of an instant (stored in UTC) or a date; null when there is none. */
    private LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime instant) {
            return instant.atZoneSameInstant(zone).toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        throw new IllegalStateException("not a date: " + value.getClass().getName());
    }
}
