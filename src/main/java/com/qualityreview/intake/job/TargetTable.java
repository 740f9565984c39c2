package com.qualityreview.intake.job;

import java.util.ArrayList;
import java.util.List;

/**
 * A table an import writes into, by upsert on its natural key. Each stored column takes the value
 * of one input column: {@code "name=region_name"} stores input column region_name in column name,
 * a plain {@code "site_code"} stores the input column of the same name.
 */
public record TargetTable(String table, List<String> keyColumns, List<String> dbColumns, List<String> inputColumns) {

    public static TargetTable of(String table, List<String> keyColumns, String... mappings) {
        List<String> db = new ArrayList<>();
        List<String> input = new ArrayList<>();
        for (String mapping : mappings) {
            int eq = mapping.indexOf('=');
            db.add(eq < 0 ? mapping : mapping.substring(0, eq));
            input.add(eq < 0 ? mapping : mapping.substring(eq + 1));
        }
        return new TargetTable(table, keyColumns, List.copyOf(db), List.copyOf(input));
    }
}
