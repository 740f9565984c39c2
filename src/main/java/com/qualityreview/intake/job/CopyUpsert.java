package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportKind;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's fast path for a chunk: COPY the rows into a temporary staging table, then upsert
 * them with one INSERT ... SELECT ... ON CONFLICT. Several times faster than sending the rows as
 * statement parameters, and still inside the chunk's transaction (the staging rows vanish at commit).
 */
final class CopyUpsert {

    /** %s: the staging table, the target table. */
    private static final String CREATE_STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS %s (LIKE %s INCLUDING DEFAULTS) ON COMMIT DELETE ROWS""";
    /** %s: the staging table, its columns. */
    private static final String COPY_INTO_STAGE = """
            COPY %s (%s) FROM STDIN WITH (FORMAT csv)""";

    private final DataSource dataSource;
    private final TargetTable target;
    private final int[] positions;
    private final String stage;
    private final String createStage;
    private final String copy;
    private final String upsert;

    CopyUpsert(DataSource dataSource, TargetTable target, ImportKind kind) {
        this.dataSource = dataSource;
        this.target = target;
        this.positions = target.inputColumns().stream().mapToInt(kind::columnIndex).toArray();
        this.stage = "import_stage_" + target.table();
        String columns = String.join(", ", target.dbColumns());
        List<String> updated = target.dbColumns().stream().filter(c -> !target.keyColumns().contains(c)).toList();
        this.createStage = CREATE_STAGE.formatted(stage, target.table());
        this.copy = COPY_INTO_STAGE.formatted(stage, columns);
        this.upsert = "INSERT INTO " + target.table() + " (" + columns + ") SELECT " + columns + " FROM " + stage
                + " ON CONFLICT (" + String.join(", ", target.keyColumns()) + ") DO UPDATE SET "
                + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                + " WHERE (" + updated.stream().map(c -> target.table() + "." + c).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM (" + updated.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", ")) + ")";
    }

    void write(List<Object[]> rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int p = 0; p < positions.length; p++) {
                if (p > 0) {
                    csv.append(',');
                }
                appendCsv(csv, row[positions[p]]);
            }
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute(createStage);
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
            try (var statement = connection.prepareStatement(upsert)) {
                statement.executeUpdate();
            }
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** CSV for COPY: an unquoted empty field is NULL, so text is always quoted. */
    private static void appendCsv(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            csv.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    csv.append('"');
                }
                csv.append(c);
            }
            csv.append('"');
        }
        else if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        }
        else {
            // Integer, Boolean, LocalDate and UTC OffsetDateTime print in forms PostgreSQL reads.
            csv.append(value);
        }
    }

    @Override
    public String toString() {
        return "COPY upsert into " + target.table();
    }
}
