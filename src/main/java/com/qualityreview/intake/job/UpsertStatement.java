package com.qualityreview.intake.job;

import java.util.List;
import java.util.stream.Collectors;

import com.qualityreview.intake.ImportKind;
import com.qualityreview.system.DatabaseDialect;

/**
 * The insert-or-replace statement for one target table. PostgreSQL gets INSERT ... ON CONFLICT,
 * which PgJDBC can send as multi-row statements, and leaves unchanged rows untouched; HSQLDB gets
 * the standard MERGE.
 */
record UpsertStatement(String sql, int[] inputPositions, int[] sqlTypes) {

    static UpsertStatement of(TargetTable target, ImportKind kind, DatabaseDialect dialect) {
        List<String> db = target.dbColumns();
        int[] positions = target.inputColumns().stream().mapToInt(kind::columnIndex).toArray();
        int[] types = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            types[i] = kind.columns().get(positions[i]).type().sqlType();
        }
        List<String> updated = db.stream().filter(column -> !target.keyColumns().contains(column)).toList();
        String columns = String.join(", ", db);
        String sql = switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + target.table() + " (" + columns + ") VALUES ("
                    + db.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT ("
                    + String.join(", ", target.keyColumns()) + ") DO UPDATE SET "
                    + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                    + " WHERE (" + updated.stream().map(c -> target.table() + "." + c).collect(Collectors.joining(", "))
                    + ") IS DISTINCT FROM (" + updated.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", ")) + ")";
            case HSQLDB -> {
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < positions.length; i++) {
                    values.append(i == 0 ? "" : ", ").append("CAST(? AS ")
                            .append(kind.columns().get(positions[i]).type().sqlTypeName()).append(')');
                }
                yield "MERGE INTO " + target.table() + " t USING (VALUES (" + values + ")) AS s (" + columns + ") ON ("
                        + target.keyColumns().stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND "))
                        + ") WHEN MATCHED THEN UPDATE SET "
                        + updated.stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(", "))
                        + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
                        + db.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
            }
        };
        return new UpsertStatement(sql, positions, types);
    }
}
