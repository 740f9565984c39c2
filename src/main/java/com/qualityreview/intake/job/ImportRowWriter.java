package com.qualityreview.intake.job;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.csv.ParsedRow;
import com.qualityreview.system.DatabaseDialect;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk in the chunk's transaction: accepted rows by upsert on their natural key,
 * rejected rows in rejected_row, and both in the import's counts per day ({@link ImportDayCounts}).
 * Its running counts are saved with the chunk, so after a restart they continue from the last
 * commit and always add up to the rows read.
 */
class ImportRowWriter implements ItemStreamWriter<ParsedRow> {

    private static final String INSERT_REJECT = """
            INSERT INTO rejected_row
            (job_instance_id, line_number, kind, file_name, column_name, reason, raw_record, rejected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final ImportKind kind;
    private final long jobInstanceId;
    private final String fileName;
    private final List<TargetTable> targets;
    private final List<UpsertStatement> upserts;
    /** PostgreSQL only: the COPY path, one per target. */
    private final List<CopyUpsert> copyUpserts;
    private final ImportDayCounts dayCounts;
    private long written;
    private long rejected;

    ImportRowWriter(JdbcTemplate jdbc, DatabaseDialect dialect, ImportKind kind, long jobInstanceId, String fileName,
            ZoneId zone) {
        this.copyUpserts = dialect == DatabaseDialect.POSTGRESQL
                ? kind.targets().stream().map(target -> new CopyUpsert(jdbc.getDataSource(), target, kind)).toList()
                : List.of();
        this.jdbc = jdbc;
        this.kind = kind;
        this.jobInstanceId = jobInstanceId;
        this.fileName = fileName;
        this.targets = kind.targets();
        this.upserts = targets.stream().map(target -> UpsertStatement.of(target, kind, dialect)).toList();
        this.dayCounts = new ImportDayCounts(jdbc, jobInstanceId, kind, zone);
    }

    @Override
    public void open(ExecutionContext context) {
        written = context.getLong(ImportContext.WRITTEN, 0L);
        rejected = context.getLong(ImportContext.REJECTED, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ImportContext.WRITTEN, written);
        context.putLong(ImportContext.REJECTED, rejected);
    }

    @Override
    public void write(Chunk<? extends ParsedRow> chunk) throws Exception {
        List<ParsedRow.Accepted> accepted = new ArrayList<>(chunk.size());
        List<ParsedRow.Rejected> rejects = new ArrayList<>();
        for (ParsedRow row : chunk) {
            if (row instanceof ParsedRow.Accepted ok) {
                accepted.add(ok);
            }
            else {
                rejects.add((ParsedRow.Rejected) row);
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            List<Object[]> rows = lastPerKey(targets.get(t), accepted);
            if (copyUpserts.isEmpty()) {
                upsert(upserts.get(t), rows);
            }
            else {
                copyUpserts.get(t).write(rows);
            }
        }
        insertRejects(rejects);
        dayCounts.add(chunk);
        written += accepted.size();
        rejected += rejects.size();
    }

    /**
     * One statement may not touch the same key twice, so within a chunk the last row of a key wins,
     * exactly as it would across chunks.
     */
    private List<Object[]> lastPerKey(TargetTable target, List<ParsedRow.Accepted> rows) {
        int[] key = target.keyColumns().stream()
                .mapToInt(column -> kind.columnIndex(target.inputColumns().get(target.dbColumns().indexOf(column))))
                .toArray();
        Map<List<Object>, Object[]> byKey = new LinkedHashMap<>(rows.size() * 2);
        for (ParsedRow.Accepted row : rows) {
            Object[] keyValues = new Object[key.length];
            for (int k = 0; k < key.length; k++) {
                keyValues[k] = row.values()[key[k]];
            }
            byKey.put(Arrays.asList(keyValues), row.values());
        }
        return new ArrayList<>(byKey.values());
    }

    private void upsert(UpsertStatement upsert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(upsert.sql(), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Object[] values = rows.get(i);
                int[] positions = upsert.inputPositions();
                for (int p = 0; p < positions.length; p++) {
                    Object value = values[positions[p]];
                    if (value == null) {
                        statement.setNull(p + 1, upsert.sqlTypes()[p]);
                    }
                    else {
                        statement.setObject(p + 1, value);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void insertRejects(List<ParsedRow.Rejected> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT_REJECT, rejects, rejects.size(), (statement, reject) -> {
            statement.setLong(1, jobInstanceId);
            statement.setLong(2, reject.line());
            statement.setString(3, kind.fileName());
            statement.setString(4, fileName);
            statement.setString(5, reject.column());
            statement.setString(6, reject.reason());
            statement.setString(7, reject.rawRecord());
            statement.setObject(8, now);
        });
    }
}
